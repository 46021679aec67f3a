import type { EnvVar, Loc, RunStep, Segment, Text } from "@cigen/protocol";

/**
 * The model's most numerous messages, written as typed object literals instead of `create()`.
 * protobuf-es v2 messages are plain objects tagged with `$typeName`; `create()` builds a zero
 * message and then copies the init object over it field by field, reflectively. For the 25,000
 * messages of the 1000-job bench model that cost ~200 ms of (cold, interpreted) CPU; these
 * literals cost a fraction. The generated types list every field, so a field added to the proto
 * is a compile error here, not a silently missing value.
 */

/** A Text of the given segments (already merged: see interpolate's makeText). */
export function textMessage(kinds: readonly Segment["kind"][]): Text {
  const parts: Segment[] = [];
  for (const kind of kinds) parts.push({ $typeName: "cigen.plugin.v1.Segment", kind });
  return { $typeName: "cigen.plugin.v1.Text", parts };
}

/** A Text holding one non-empty literal string (an empty string is a Text with no parts). */
export function literalTextMessage(value: string): Text {
  return textMessage(value === "" ? [] : [{ case: "literal", value }]);
}

/** A Loc carrying the config path; the position is resolved only when a diagnostic needs it. */
export function locMessage(file: string, path: readonly (string | number)[]): Loc {
  return { $typeName: "cigen.plugin.v1.Loc", file, line: 0, column: 0, path: path.map(String) };
}

export function envVarMessage(name: string, value: Text): EnvVar {
  return { $typeName: "cigen.plugin.v1.EnvVar", name, value };
}

export function runStepMessage(command: Text): RunStep {
  return { $typeName: "cigen.plugin.v1.RunStep", command };
}
