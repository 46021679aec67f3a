/**
 * `t("npm ci --cache {{ env.HOME }}")` writes a model Text from the same `{{ ... }}` references
 * cigen.yml uses, so test inputs read like the config.
 */
import { create } from "@bufbuild/protobuf";
import { type Segment, SegmentSchema, type Text, TextSchema } from "@cigen/protocol";

const REF = /\{\{\s*(?:(env|secrets|git)\.(\w+)|checksum\s+"([^"]*)"|(os|arch))\s*\}\}/g;

/** A model Text from a template with `{{ env.X }}`, `{{ secrets.X }}`, `{{ git.sha }}`, `{{ checksum "f" }}`, `{{ os }}`. */
export function t(template: string): Text {
  const parts: Segment[] = [];
  const literal = (value: string) => create(SegmentSchema, { kind: { case: "literal", value } });
  let last = 0;
  for (const m of template.matchAll(REF)) {
    if (m.index > last) parts.push(literal(template.slice(last, m.index)));
    parts.push(create(SegmentSchema, { kind: segment(m) }));
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(literal(template.slice(last)));
  return create(TextSchema, { parts });
}

function segment([, ns, name, path, platform]: RegExpMatchArray): Segment["kind"] {
  if (ns === "env") return { case: "env", value: name };
  if (ns === "secrets") return { case: "secret", value: name };
  if (ns === "git") return { case: "git", value: name };
  if (path !== undefined) return { case: "checksum", value: path };
  return { case: "platform", value: platform };
}
