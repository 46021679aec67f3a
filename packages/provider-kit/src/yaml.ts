import { stringify } from "yaml";
import { emitYaml } from "./yaml-emit";

/** The `yaml` options whose output toYaml keeps; yaml-emit.ts writes the same text faster. */
export const YAML_OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
  indentSeq: true,
  singleQuote: false,
  aliasDuplicateObjects: false,
} as const;

/**
 * Serializes a document the same way every time: keys in the order the provider built them, no
 * line folding (a folded shell command is harder to read in review), block style throughout.
 * Plain data goes through the direct writer; anything it does not handle goes to `yaml` itself.
 */
export function toYaml(doc: unknown): string {
  return emitYaml(doc) ?? stringify(doc, YAML_OPTIONS);
}
