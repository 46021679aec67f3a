import type { SourceLocation } from "@cigen/protocol";
import { evidence, readRepoFile } from "./repo-files";

/**
 * The version asdf/mise's `.tool-versions` pins for `tool` ("nodejs 20.11.1 18.0.0" -> the first,
 * which is what asdf uses), with the position of the version; undefined when not pinned.
 */
export function toolVersionsEntry(
  root: string,
  tools: readonly string[],
): { version: string; at: SourceLocation } | undefined {
  const content = readRepoFile(root, ".tool-versions");
  if (content === undefined) return undefined;
  let offset = 0;
  for (const line of content.split("\n")) {
    const code = line.replace(/#.*/, "");
    const m = /^(\s*)(\S+)(\s+)(\S+)/.exec(code);
    if (m && tools.includes(m[2])) {
      return {
        version: m[4],
        at: evidence(".tool-versions", content, offset + m[1].length + m[2].length + m[3].length),
      };
    }
    offset += line.length + 1;
  }
  return undefined;
}
