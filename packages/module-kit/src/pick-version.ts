import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, SourceLocation } from "@cigen/protocol";
import semver from "semver";

/** A version as one source states it, with where it says so. */
export interface VersionFinding {
  /** As written, trimmed of a leading "v" ("20", "20.11.1", ">=18", "3.12"). */
  version: string;
  /** The source's name for messages (".nvmrc", "package.json engines.node"). */
  source: string;
  at: SourceLocation;
}

export interface PickedVersion {
  version: string;
  /** The source that won, or "default". */
  source: string;
  at?: SourceLocation;
  diagnostics: Diagnostic[];
}

/**
 * Picks the version a module sets up. `findings` come in the module's documented priority order
 * (the most specific pin first), and the first one wins. Sources that disagree with the winner get
 * a warning naming both places, because a team with `.nvmrc` saying 20 and `engines` saying 18
 * tests on one and ships on the other. With no finding, the default is used with a warning
 * (cigen-yml.md: a module never fails for a missing version source).
 */
export function pickVersion(
  tool: string,
  findings: readonly VersionFinding[],
  fallback: string,
  codes: { conflict: string; defaulted: string },
): PickedVersion {
  const [winner, ...others] = findings;
  if (!winner) {
    return {
      version: fallback,
      source: "default",
      diagnostics: [
        diagnostic({
          severity: "warning",
          code: codes.defaulted,
          message: `no ${tool} version source found; using the default ${fallback}`,
          hint: `pin the version (for example in .tool-versions: "${tool} ${fallback}") so CI and laptops agree`,
        }),
      ],
    };
  }
  const diagnostics = others
    .filter((other) => !agrees(winner.version, other.version))
    .map((other) =>
      withLocation(
        diagnostic({
          severity: "warning",
          code: codes.conflict,
          message: `${tool} versions disagree: ${winner.source} says ${winner.version} (used), ${other.source} says ${other.version} (${other.at.file}:${other.at.line})`,
          hint: `make ${other.source} agree with ${winner.source}, or remove one of them`,
        }),
        winner.at,
      ),
    );
  return { version: winner.version, source: winner.source, at: winner.at, diagnostics };
}

/**
 * Two statements agree when one is a range or prefix the other's version satisfies ("20" and
 * "20.11.1", ">=18" and "20.11.1"); two ranges agree when they intersect.
 */
export function agrees(a: string, b: string): boolean {
  if (a === b) return true;
  const va = semver.coerce(a) && /^\d+(\.\d+){2}$/.test(a) ? a : undefined;
  const vb = semver.coerce(b) && /^\d+(\.\d+){2}$/.test(b) ? b : undefined;
  if (va && vb) return va === vb;
  const ra = asRange(a);
  const rb = asRange(b);
  if (va && rb) return semver.satisfies(va, rb);
  if (vb && ra) return semver.satisfies(vb, ra);
  if (ra && rb) return semver.intersects(ra, rb);
  return false;
}

/** "20" and "3.12" are ranges of their own (20.x, 3.12.x), as every version manager reads them. */
function asRange(version: string): string | undefined {
  const bare = /^\d+(\.\d+)?$/.test(version) ? `${version}.x` : version;
  return semver.validRange(bare) ?? undefined;
}

function withLocation(d: Diagnostic, at: SourceLocation): Diagnostic {
  d.loc = at;
  return d;
}
