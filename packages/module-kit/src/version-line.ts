import semver from "semver";

/**
 * The version to set up for a version statement: a plain version or prefix ("20.11.1", "20",
 * "3.12") as written, and for a range the broadest release line that lies entirely inside it,
 * starting from its lowest version: ">=20" -> "20", "^20.11.0" -> "20.11", ">=3.1 <4" -> "3.1",
 * "~3.2.0" -> "3.2". Setup actions and official images take such a line ("node:20" is the newest
 * 20.x), so every version they pick satisfies the range, and CI tests the oldest line the project
 * says it supports. Undefined for what is not a version or a bounded-below range ("*", "lts/*").
 */
export function versionLine(statement: string): string | undefined {
  const spec = statement.trim().replace(/^v(?=\d)/, "");
  if (/^\d+(\.\d+){0,2}$/.test(spec)) return spec;
  const range = semver.validRange(spec);
  const min = range ? semver.minVersion(range) : null;
  if (!range || !min || (min.major === 0 && min.minor === 0 && min.patch === 0)) return undefined;
  const major = `${min.major}`;
  const minor = `${min.major}.${min.minor}`;
  if (semver.subset(`${major}.x`, range)) return major;
  if (semver.subset(`${minor}.x`, range)) return minor;
  return min.version;
}
