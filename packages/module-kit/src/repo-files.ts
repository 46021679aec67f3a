import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import { type SourceLocation, SourceLocationSchema } from "@cigen/protocol";

/** A file's text, or undefined when it does not exist or cannot be read (a module never fails on that). */
export function readRepoFile(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), "utf8");
  } catch {
    return undefined;
  }
}

/** 1-based line and column of a character offset. */
export function positionOf(content: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = content.indexOf("\n"); i !== -1 && i < offset; i = content.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where a piece of evidence is: the file, and the position of `offset` in its content (0 = the file as a whole). */
export function evidence(file: string, content?: string, offset?: number): SourceLocation {
  if (content === undefined || offset === undefined) return create(SourceLocationSchema, { file, line: 1, column: 1 });
  const { line, column } = positionOf(content, offset);
  const end = content.indexOf("\n", offset);
  const snippet = content.slice(offset - (column - 1), end === -1 ? undefined : end);
  return create(SourceLocationSchema, { file, line, column, snippet });
}

/** The first match of `pattern` in a repository file, with its evidence (group 1 when the pattern has one). */
export function findInFile(
  root: string,
  file: string,
  pattern: RegExp,
): { match: RegExpExecArray; value: string; at: SourceLocation } | undefined {
  const content = readRepoFile(root, file);
  if (content === undefined) return undefined;
  const match = pattern.exec(content);
  if (!match) return undefined;
  const value = match[1] ?? match[0];
  const offset = match[1] === undefined ? match.index : match.index + match[0].indexOf(match[1]);
  return { match, value, at: evidence(file, content, offset) };
}
