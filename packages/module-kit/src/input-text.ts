import { create } from "@bufbuild/protobuf";
import { type Segment, SegmentSchema, type Text, TextSchema } from "@cigen/protocol";

/** What the core writes for a runtime reference in a `with:` input: `{{ <segment kind>.<value> }}`. */
const REFERENCE = /\{\{ (env|secret|git|checksum|platform)\.([^{}]+?) \}\}/g;

/**
 * A command built from `with:` inputs, as a model Text. The core hands inputs to modules as
 * strings with runtime references kept as `{{ env.NAME }}`, `{{ secret.NAME }}`, `{{ git.sha }}`;
 * turning them back into segments lets each provider write them in its own syntax
 * (`tags: app:{{ git.sha }}` becomes `${{ github.sha }}` on GitHub, `$CIRCLE_SHA1` on CircleCI).
 */
export function inputText(command: string): Text {
  const parts: Segment[] = [];
  let last = 0;
  for (const m of command.matchAll(REFERENCE)) {
    if (m.index > last)
      parts.push(create(SegmentSchema, { kind: { case: "literal", value: command.slice(last, m.index) } }));
    // Every reference kind carries a string, as env does.
    parts.push(create(SegmentSchema, { kind: { case: m[1] as "env", value: m[2] } }));
    last = m.index + m[0].length;
  }
  if (last < command.length)
    parts.push(create(SegmentSchema, { kind: { case: "literal", value: command.slice(last) } }));
  return create(TextSchema, { parts });
}
