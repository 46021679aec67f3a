import type { Segment, Text } from "@cigen/protocol";

type Part = string | { checksum: string } | { platform: "os" | "arch" } | { env: string };

/** A model Text from literal strings and runtime references, adjacent literals joined. */
export function textOf(...parts: Part[]): Text {
  const segments: Segment[] = [];
  for (const part of parts) {
    const kind: Segment["kind"] =
      typeof part === "string"
        ? { case: "literal", value: part }
        : "checksum" in part
          ? { case: "checksum", value: part.checksum }
          : "platform" in part
            ? { case: "platform", value: part.platform }
            : { case: "env", value: part.env };
    const last = segments.at(-1);
    if (kind.case === "literal" && last?.kind.case === "literal") last.kind.value += kind.value;
    else if (kind.case !== "literal" || kind.value !== "")
      segments.push({ $typeName: "cigen.plugin.v1.Segment", kind });
  }
  return { $typeName: "cigen.plugin.v1.Text", parts: segments };
}
