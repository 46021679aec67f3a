/** Model Text builders for hand-made test models: literal strings mixed with runtime references. */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { type Segment, SegmentSchema, type Text, TextSchema } from "@cigen/protocol";

/** One part of a Text: a literal string or a `{ case, value }` runtime reference. */
export type TextPart = string | MessageInitShape<typeof SegmentSchema>["kind"];

/** A Text from literal strings and `{ case, value }` runtime parts. */
export function text(...parts: TextPart[]): Text {
  return create(TextSchema, {
    parts: parts.map(
      (p): Segment => create(SegmentSchema, { kind: typeof p === "string" ? { case: "literal", value: p } : p }),
    ),
  });
}

/** `${{ env.NAME }}`-style reference. */
export const envRef = (name: string): TextPart => ({ case: "env", value: name });
/** A secret reference. */
export const secretRef = (name: string): TextPart => ({ case: "secret", value: name });
/** `git.sha` / `git.branch`. */
export const gitRef = (kind: "sha" | "branch"): TextPart => ({ case: "git", value: kind });
/** The checksum of a file. */
export const checksumRef = (path: string): TextPart => ({ case: "checksum", value: path });
/** The runner's `os` or `arch`. */
export const platformRef = (kind: "os" | "arch"): TextPart => ({ case: "platform", value: kind });
