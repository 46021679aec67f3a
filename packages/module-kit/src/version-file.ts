import type { SourceLocation } from "@cigen/protocol";
import { evidence, readRepoFile } from "./repo-files";

/**
 * The first word of a one-line version file (.python-version, .go-version, a legacy
 * rust-toolchain) that is not blank or a `#` comment, with its position; undefined when the file
 * is missing or holds nothing. pyenv and friends read only that first entry.
 */
export function versionFileEntry(root: string, file: string): { value: string; at: SourceLocation } | undefined {
  const content = readRepoFile(root, file);
  if (content === undefined) return undefined;
  let offset = 0;
  for (const line of content.split("\n")) {
    const m = /^(\s*)([^\s#]+)/.exec(line);
    if (m) return { value: m[2], at: evidence(file, content, offset + m[1].length) };
    offset += line.length + 1;
  }
  return undefined;
}
