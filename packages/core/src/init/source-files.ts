import { type Detection, factList, INIT_FACTS } from "./detection";

/** Build files that a command implies without naming them. */
const IMPLIED: [RegExp, string[]][] = [
  [/(^|[\s;&|(])make(\s|$)/m, ["GNUmakefile", "makefile", "Makefile"]],
  [/(^|[\s;&|(])rake(\s|$)/m, ["Rakefile"]],
  [/(^|[\s;&|(])just(\s|$)/m, ["justfile", "Justfile"]],
];

/** The union of every module's `source_files` globs. */
export function detectedSourceFiles(detections: readonly Detection[]): string[] {
  return detections.flatMap((d) => factList(d.facts[INIT_FACTS.sourceFiles]));
}

/**
 * A job's `source_files`: the modules' globs plus the repository files its commands name
 * (`./scripts/ci.sh`, `bin/rails`, the Makefile of `make test`), since a changed script changes
 * what the job does. Sorted, with negations last: they exclude from what the globs before them matched.
 */
export function jobSourceFiles(
  globs: readonly string[],
  commands: readonly string[],
  files: ReadonlySet<string>,
): string[] {
  const all = new Set(globs);
  for (const command of commands) {
    for (const token of command.split(/[\s;&|()<>'"`=]+/)) {
      const path = token.replace(/^\.\//, "");
      if (files.has(path)) all.add(path);
    }
    for (const [pattern, names] of IMPLIED)
      if (pattern.test(command)) for (const name of names) if (files.has(name)) all.add(name);
  }
  const sorted = [...all].sort();
  return [...sorted.filter((g) => !g.startsWith("!")), ...sorted.filter((g) => g.startsWith("!"))];
}
