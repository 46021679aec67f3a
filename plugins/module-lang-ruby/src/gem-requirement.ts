/**
 * A RubyGems requirement list ("~> 3.2", ">= 3.1, < 4") as a semver range (">=3.2 <4", ">=3.1 <4"),
 * so versions can be compared with the other sources and a release line picked. The pessimistic
 * operator differs from semver's tilde: "~> 3.2" allows 3.x from 3.2 (RubyGems bumps the
 * second-to-last segment), while semver reads "~>3.2" as 3.2.x only. Undefined when a
 * requirement cannot be read.
 */
export function gemRequirementRange(requirements: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const raw of requirements) {
    const m = /^\s*(~>|>=|<=|!=|=|>|<)?\s*(\d+(?:\.\d+)*)\s*$/.exec(raw);
    if (!m) return undefined;
    const [, op = "=", version] = m;
    if (op === "!=") continue;
    if (op === "~>") parts.push(`>=${version} <${pessimisticBound(version)}`);
    else parts.push(op === "=" ? version : `${op}${version}`);
  }
  return parts.length ? parts.join(" ") : undefined;
}

/** The exclusive upper bound of "~> v": drop the last segment (unless it is the only one) and bump the new last. */
function pessimisticBound(version: string): string {
  const segments = version.split(".").map(Number);
  if (segments.length > 1) segments.pop();
  segments[segments.length - 1]++;
  return segments.join(".");
}
