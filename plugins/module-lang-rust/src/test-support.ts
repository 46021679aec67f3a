/** Test helpers: model Text and steps as plain strings, and shellcheck over emitted scripts. */
import { spawnSync } from "node:child_process";
import type { Step, Text } from "@cigen/protocol";

/** "<os>-<arch>-go-1.22-<checksum:go.sum>" style, for asserting keys and commands. */
export function show(text: Text | undefined): string {
  return (text?.parts ?? [])
    .map((p) => (p.kind.case === "literal" ? p.kind.value : `<${p.kind.case}:${p.kind.value}>`))
    .join("");
}

/** A step as [name, kind, the command or install script]. */
export function describeStep(step: Step): [string, string, string] {
  const k = step.kind;
  if (k.case === "run") return [step.name, "run", show(k.value.command)];
  if (k.case === "setupToolchain")
    return [step.name, `setup ${k.value.tool} ${k.value.version} ${k.value.image}`, show(k.value.install)];
  return [step.name, k.case ?? "", ""];
}

/**
 * shellcheck's warnings for a script in POSIX sh (Jenkins runs /bin/sh); undefined when shellcheck
 * is missing. `asBuildkite` checks a run step as Buildkite's validator sees it: every `$` but `$(`
 * written `$$` for `pipeline upload`, so a script's own variables would read as `$$` plus text.
 */
export function shellcheck(script: string, options: { asBuildkite?: boolean } = {}): string[] | undefined {
  const input = options.asBuildkite ? script.replace(/\$(?!\()/g, "$$$$") : script;
  const r = spawnSync("shellcheck", ["-s", "sh", "-S", "warning", "-f", "gcc", "-"], {
    input,
    encoding: "utf8",
  });
  if (r.error) return undefined;
  return r.stdout.split("\n").filter(Boolean);
}
