import { type DescEnum, type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";

/**
 * What the codec needs to know about one message type, worked out once from its descriptor:
 * fields in wire order with their tags, and the zero values a decoded message starts from (in the
 * order protobuf-es's create() sets them, so both build objects of the same shape).
 *
 * Only what this protocol uses is covered: proto3 files, fields of type string, bytes, bool,
 * uint32, int32, double, enums and messages, repeated fields and string-keyed maps of scalars.
 * A message type that uses anything else (or contains one that does) is `supported: false`, and
 * the codec leaves it to protobuf-es.
 */
export interface MessagePlan {
  readonly desc: DescMessage;
  readonly typeName: string;
  /** Fields by ascending number: the order protobuf-es writes them. */
  readonly fields: FieldPlan[];
  /** Fields by number, for decoding. */
  readonly byNumber: (FieldPlan | undefined)[];
  /** Properties every message starts with, in create()'s order. */
  readonly zeros: ZeroProperty[];
  supported: boolean;
  /** Makes a zero message of the type (compiled on first use, by read.ts). */
  create?: () => Record<string, unknown>;
}

/** The type of a single value, as the codec reads and writes it. */
export const ValueKind = {
  String: 0,
  Bytes: 1,
  Bool: 2,
  Uint32: 3,
  Int32: 4,
  Double: 5,
  Enum: 6,
  Message: 7,
} as const;
export type ValueKind = (typeof ValueKind)[keyof typeof ValueKind];

export interface FieldPlan {
  readonly name: string;
  readonly number: number;
  readonly shape: "single" | "list" | "map";
  /** For a map, the kind of its values (keys are strings). */
  readonly kind: ValueKind;
  /** The property holding the oneof group this field belongs to. */
  readonly oneof: string | undefined;
  /** Repeated numbers written as one length-delimited run. */
  readonly packed: boolean;
  /** Reject invalid UTF-8 when reading a string (proto3 does). */
  readonly validateUtf8: boolean;
  /** The value an enum field is left out of the wire for (its first value). */
  readonly enumZero: number;
  /** The message type of a message field (resolved on first use: types may refer to each other). */
  readonly message: DescMessage | undefined;
  readonly descField: DescField;
}

export type ZeroProperty =
  | { name: string; zero: "oneof" | "list" | "map" | "bytes" }
  | { name: string; zero: "value"; value: string | number | boolean };

// protobuf-es's own constants (bootstrap-injected there as numbers as well).
const EDITION_PROTO3 = 999;
const IMPLICIT = 2;

const plans = new WeakMap<DescMessage, MessagePlan>();

/** The plan for `desc` (cached); `supported` says whether the codec may handle the type. */
export function planFor(desc: DescMessage): MessagePlan {
  let plan = plans.get(desc);
  if (plan) return plan;
  plan = { desc, typeName: desc.typeName, fields: [], byNumber: [], zeros: [], supported: true };
  // Cached before the fields are worked out, so a type that refers to itself terminates.
  plans.set(desc, plan);
  if (desc.file.edition !== EDITION_PROTO3) plan.supported = false;
  for (const member of desc.members) {
    if (member.kind === "oneof") plan.zeros.push({ name: member.localName, zero: "oneof" });
    else if (member.presence === IMPLICIT) plan.zeros.push(zeroOf(member, plan));
  }
  for (const field of [...desc.fields].sort((a, b) => a.number - b.number)) {
    const fieldPlan = fieldPlanOf(field);
    if (!fieldPlan) plan.supported = false;
    else {
      plan.fields.push(fieldPlan);
      plan.byNumber[field.number] = fieldPlan;
    }
  }
  for (const field of plan.fields) {
    if (field.message && !planFor(field.message).supported) plan.supported = false;
  }
  return plan;
}

function fieldPlanOf(field: DescField): FieldPlan | undefined {
  const common = {
    name: field.localName,
    number: field.number,
    oneof: field.oneof?.localName,
    validateUtf8: field.utf8Validation,
    descField: field,
  };
  switch (field.fieldKind) {
    case "scalar": {
      // A proto3 `optional` scalar tracks presence; this codec does not.
      if (field.presence !== IMPLICIT && !field.oneof) return undefined;
      const kind = scalarKind(field.scalar);
      if (kind === undefined) return undefined;
      return { ...common, shape: "single", kind, packed: false, enumZero: 0, message: undefined };
    }
    case "enum":
      if (field.presence !== IMPLICIT && !field.oneof) return undefined;
      if (!field.enum.open) return undefined;
      return {
        ...common,
        shape: "single",
        kind: ValueKind.Enum,
        packed: false,
        enumZero: firstValue(field.enum),
        message: undefined,
      };
    case "message":
      if (field.delimitedEncoding) return undefined;
      return {
        ...common,
        shape: "single",
        kind: ValueKind.Message,
        packed: false,
        enumZero: 0,
        message: field.message,
      };
    case "list": {
      if (field.listKind === "message") {
        if (field.delimitedEncoding) return undefined;
        return {
          ...common,
          shape: "list",
          kind: ValueKind.Message,
          packed: false,
          enumZero: 0,
          message: field.message,
        };
      }
      const kind = field.listKind === "enum" ? ValueKind.Enum : scalarKind(field.scalar);
      if (kind === undefined) return undefined;
      if (field.listKind === "enum" && !field.enum.open) return undefined;
      return { ...common, shape: "list", kind, packed: field.packed, enumZero: 0, message: undefined };
    }
    case "map": {
      if (field.mapKey !== ScalarType.STRING || field.mapKind === "message") return undefined;
      const kind = field.mapKind === "enum" ? ValueKind.Enum : scalarKind(field.scalar);
      if (kind === undefined) return undefined;
      const enumZero = field.mapKind === "enum" ? firstValue(field.enum) : 0;
      return { ...common, shape: "map", kind, packed: false, enumZero, message: undefined };
    }
  }
}

function scalarKind(scalar: ScalarType): ValueKind | undefined {
  switch (scalar) {
    case ScalarType.STRING:
      return ValueKind.String;
    case ScalarType.BYTES:
      return ValueKind.Bytes;
    case ScalarType.BOOL:
      return ValueKind.Bool;
    case ScalarType.UINT32:
      return ValueKind.Uint32;
    case ScalarType.INT32:
      return ValueKind.Int32;
    case ScalarType.DOUBLE:
      return ValueKind.Double;
    default:
      return undefined;
  }
}

function firstValue(desc: DescEnum): number {
  return desc.values[0].number;
}

/** The zero value create() gives a field with implicit presence. */
function zeroOf(field: DescField, plan: MessagePlan): ZeroProperty {
  const name = field.localName;
  switch (field.fieldKind) {
    case "list":
      return { name, zero: "list" };
    case "map":
      return { name, zero: "map" };
    case "enum":
      return { name, zero: "value", value: firstValue(field.enum) };
    case "scalar":
      if (field.getDefaultValue() !== undefined) plan.supported = false;
      switch (field.scalar) {
        case ScalarType.STRING:
          return { name, zero: "value", value: "" };
        case ScalarType.BOOL:
          return { name, zero: "value", value: false };
        case ScalarType.BYTES:
          return { name, zero: "bytes" };
        default:
          return { name, zero: "value", value: 0 };
      }
    default:
      // A message field with implicit presence does not exist in proto3.
      plan.supported = false;
      return { name, zero: "value", value: 0 };
  }
}
