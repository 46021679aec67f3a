import { stringify } from "yaml";

/**
 * Serializes a document the same way every time: keys in the order the provider built them, no
 * line folding (a folded shell command is harder to read in review), block style throughout.
 */
export function toYaml(doc: unknown): string {
  return stringify(doc, {
    lineWidth: 0,
    minContentWidth: 0,
    indent: 2,
    indentSeq: true,
    singleQuote: false,
    aliasDuplicateObjects: false,
  });
}
