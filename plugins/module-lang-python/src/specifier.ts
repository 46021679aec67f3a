import { versionLine } from "@cigen/module-kit";

/**
 * A Python version statement as a semver range, so that pickVersion can compare it with the
 * others: PEP 440 specifiers (`requires-python = ">=3.9,<3.13"`, "~=3.10", "==3.11.*") and
 * Poetry's constraints ("^3.10", "~3.10", "3.10.*", ">=3.9,<4.0", "3.9 || 3.11"). `!=` clauses
 * are dropped (they exclude single releases, which never decides the line to set up). Undefined
 * when nothing usable is left ("*", "!=3.8").
 */
export function toSemverRange(statement: string): string | undefined {
  const alternatives = statement.split("||").map((alternative) =>
    alternative
      .split(",")
      .map((clause) => clauseRange(clause.trim()))
      .filter((clause) => clause !== "")
      .join(" "),
  );
  if (alternatives.some((a) => a === "")) return undefined;
  return alternatives.join(" || ");
}

function clauseRange(clause: string): string {
  const m = /^(~=|===|==|!=|<=|>=|<|>|\^|~)?\s*v?(\d+(?:\.\d+)*)(\.\*)?$/.exec(clause);
  if (!m) return "";
  const [, op = "", version, wildcard] = m;
  const parts = version.split(".").map(Number);
  switch (op) {
    case "!=":
      return "";
    case "~=": {
      // Compatible release: ~=3.10 is >=3.10,<4 and ~=3.10.2 is >=3.10.2,<3.11.
      if (parts.length < 2) return "";
      const upper = parts.slice(0, -1);
      upper[upper.length - 1]++;
      return `>=${version} <${upper.join(".")}`;
    }
    case "==":
    case "===":
    case "":
      return wildcard ? `${version}.x` : version;
    default:
      return wildcard ? "" : `${op}${version}`;
  }
}

/**
 * The version to set up for a Python statement: a plain version as written ("3.12", "3.12.1"),
 * a range's lowest release line (">=3.11" -> "3.11", "^3.10" -> "3.10", ">=3.9,<3.13" -> "3.9";
 * see versionLine), so CI runs the oldest Python the project says it supports and every version
 * an image or setup action picks for that line satisfies the range. Undefined for what names no
 * CPython version ("system", "pypy3.10", ranges without a lower bound).
 */
export function pythonSetupVersion(statement: string): string | undefined {
  const trimmed = statement.trim();
  if (/^\d+(\.\d+){0,2}$/.test(trimmed)) return trimmed;
  const range = toSemverRange(trimmed);
  return range === undefined ? undefined : versionLine(range);
}
