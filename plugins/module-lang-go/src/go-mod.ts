import { evidence, readRepoFile } from "@cigen/module-kit";
import type { SourceLocation } from "@cigen/protocol";

export interface Directive {
  value: string;
  at: SourceLocation;
}

/** The directives of go.mod this module reads, each with where it is written. */
export interface GoMod {
  module?: Directive;
  /** `go 1.22` / `go 1.22.1`: the oldest Go that may build the module. */
  go?: Directive;
  /** `toolchain go1.22.3`: the Go the module prefers, without its "go" prefix. */
  toolchain?: Directive;
}

/** Reads go.mod at the root; undefined when there is none. */
export function readGoMod(root: string): GoMod | undefined {
  const content = readRepoFile(root, "go.mod");
  if (content === undefined) return undefined;
  const directive = (pattern: RegExp): Directive | undefined => {
    const m = pattern.exec(content);
    return m ? { value: m[1], at: evidence("go.mod", content, m.index + m[0].lastIndexOf(m[1])) } : undefined;
  };
  return {
    module: directive(/^module[ \t]+"?([^\s"]+)/m),
    go: directive(/^go[ \t]+(\S+)/m),
    // Toolchain names are "go1.22.3" (or "default"); the version is what follows "go".
    toolchain: directive(/^toolchain[ \t]+go(\d\S*)/m),
  };
}

/** Compares dotted release numbers ("1.22" < "1.22.1" < "1.23"); a missing part counts as 0. */
export function compareReleases(a: string, b: string): number {
  const pa = a.split(".").map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(".").map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
