import { ValueKind } from "./plan";

/** The protobuf wire types this protocol's fields use (no groups, no fixed32). */
export const WIRE_VARINT = 0;
export const WIRE_BIT64 = 1;
export const WIRE_LEN = 2;

/** The wire type of one value of `kind`: what a field's tag says, for reading and writing alike. */
export function wireType(kind: ValueKind): number {
  switch (kind) {
    case ValueKind.String:
    case ValueKind.Bytes:
    case ValueKind.Message:
      return WIRE_LEN;
    case ValueKind.Double:
      return WIRE_BIT64;
    default:
      return WIRE_VARINT;
  }
}
