import type { Diagnostic } from "../diagnostics/diagnostic";
import { ConfigCodes } from "./codes";

/**
 * Far larger than any real config (they are kilobytes). The YAML parser reads about 0.5 MB per
 * second, so refusing bigger files keeps `cigen` answering within seconds.
 */
export const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

/**
 * Refuses input that is not a text YAML file before the parser sees it: a binary file makes the
 * YAML parser report dozens of confusing syntax errors instead of the one thing that is wrong.
 * Invalid UTF-8 shows up as U+FFFD once the caller decoded the bytes leniently.
 */
export function checkText(text: string, file: string): Diagnostic | undefined {
  if (text.length > MAX_CONFIG_BYTES) {
    return {
      severity: "error",
      code: ConfigCodes.TOO_LARGE,
      message: `the config is ${(text.length / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_CONFIG_BYTES / 1024 / 1024} MB cigen reads`,
      hint: "a cigen.yml is normally a few kilobytes; check that --config points at the right file",
      file,
      line: 1,
      column: 1,
    };
  }
  const bad = firstBadChar(text);
  if (bad === undefined) return undefined;
  const before = text.slice(0, bad.index);
  const line = before.split("\n").length;
  const column = bad.index - before.lastIndexOf("\n");
  return {
    severity: "error",
    code: ConfigCodes.NOT_TEXT,
    message: `not a text YAML file: it contains ${bad.what}`,
    hint: "cigen reads a UTF-8 YAML file; check that --config points at cigen.yml",
    file,
    line,
    column,
  };
}

function firstBadChar(text: string): { index: number; what: string } | undefined {
  const nul = text.indexOf("\u0000");
  const invalid = text.indexOf("\uFFFD");
  if (nul < 0 && invalid < 0) return undefined;
  if (nul >= 0 && (invalid < 0 || nul < invalid)) return { index: nul, what: "NUL bytes" };
  return { index: invalid, what: "bytes that are not valid UTF-8" };
}
