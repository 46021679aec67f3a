import { getTextEncoding } from "@bufbuild/protobuf/wire";
import { type FieldPlan, type MessagePlan, planFor, ValueKind, type ZeroProperty } from "./plan";
import { Unsupported } from "./unsupported";
import { WIRE_LEN, wireType } from "./wire";

/**
 * Reads a message into the same plain object protobuf-es's fromBinary builds (same properties, in
 * the same order, nested messages included). protobuf-es wraps every message it reads in a
 * reflection object that builds its own field-number Map, and reads through a generic field
 * switch; for the 1000-job model (25,000 messages) that was ~290 ms of the provider's Generate,
 * most of its garbage and a good part of the core's wait.
 *
 * It reads the encodings protobuf-es writes (and the other usual ones: fields in any order,
 * repeated scalars packed or not, the last of a repeated scalar winning); anything else (unknown
 * fields, a wire type that does not match the field, a message field or oneof message given
 * twice, which protobuf-es merges, malformed or truncated input) throws Unsupported, and the
 * caller hands the bytes to protobuf-es, which decides what they mean or which error they get.
 */
export function readMessage(plan: MessagePlan, bytes: Uint8Array): object {
  const reader = new Reader(bytes);
  const message = reader.fields(plan, bytes.length, 0);
  if (reader.at !== bytes.length) throw new Unsupported("overrun");
  return message;
}

type Fields = Record<string, unknown>;

const MAX_DEPTH = 64;
const EMPTY_BYTES = new Uint8Array(0);
/** Buffer's own Latin-1 reader, which works on any Uint8Array; for ASCII it is also UTF-8. */
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice(start: number, end: number): string }).latin1Slice;

class Reader {
  at = 0;
  private view: DataView | undefined;
  private readonly decodeUtf8 = getTextEncoding().decodeUtf8;

  constructor(private readonly bytes: Uint8Array) {}

  fields(plan: MessagePlan, end: number, depth: number): Fields {
    if (!plan.supported || depth > MAX_DEPTH) throw new Unsupported(plan.typeName);
    const message = newMessage(plan);
    while (this.at < end) {
      const tag = this.tag();
      const field = plan.byNumber[tag >>> 3];
      if (field === undefined) throw new Unsupported("unknown field");
      const wire = tag & 7;
      if (field.shape === "single") {
        if (wire !== wireType(field.kind)) throw new Unsupported("wire type");
        const value = this.value(field, depth);
        if (field.oneof !== undefined) {
          const group = message[field.oneof] as { case: string | undefined };
          if (field.kind === ValueKind.Message && group.case === field.name) throw new Unsupported("oneof merge");
          message[field.oneof] = { case: field.name, value };
        } else {
          if (field.kind === ValueKind.Message && message[field.name] !== undefined) throw new Unsupported("merge");
          message[field.name] = value;
        }
      } else if (field.shape === "list") {
        this.listItem(field, wire, message[field.name] as unknown[], depth);
      } else {
        if (wire !== WIRE_LEN) throw new Unsupported("wire type");
        this.mapEntry(field, message[field.name] as Fields);
      }
      if (this.at > end) throw new Unsupported("field runs past its message");
    }
    return message;
  }

  private value(field: FieldPlan, depth: number): unknown {
    switch (field.kind) {
      case ValueKind.String:
        return this.string(field.validateUtf8);
      case ValueKind.Bytes: {
        const length = this.length();
        const bytes = this.bytes.subarray(this.at, this.at + length);
        this.at += length;
        return bytes;
      }
      case ValueKind.Message: {
        const length = this.length();
        return this.fields(planFor(field.message!), this.at + length, depth + 1);
      }
      default:
        return this.number(field.kind);
    }
  }

  /**
   * A length-prefixed UTF-8 string. ASCII (nearly every string of a model) is copied out of the
   * buffer directly, without a subarray object per string; anything else goes through the
   * UTF-8 decoder protobuf-es itself uses, so the text and the errors are the same.
   */
  private string(validateUtf8: boolean): string {
    const length = this.length();
    const bytes = this.bytes;
    const start = this.at;
    const end = start + length;
    this.at = end;
    for (let i = start; i < end; i++) {
      if (bytes[i] > 0x7f) return this.decodeUtf8(bytes.subarray(start, end), validateUtf8);
    }
    return latin1Slice.call(bytes, start, end);
  }

  private listItem(field: FieldPlan, wire: number, list: unknown[], depth: number): void {
    const itemWire = wireType(field.kind);
    if (wire === itemWire) {
      list.push(this.value(field, depth));
      return;
    }
    // Numbers may come packed (protobuf-es writes them so) or one by one.
    if (wire !== WIRE_LEN || itemWire === WIRE_LEN) throw new Unsupported("wire type");
    const length = this.length();
    const end = this.at + length;
    while (this.at < end) list.push(this.number(field.kind));
    if (this.at !== end) throw new Unsupported("packed run overrun");
  }

  /** An entry is key (field 1) and value (field 2), each optional; protobuf-es skips nothing else. */
  private mapEntry(field: FieldPlan, map: Fields): void {
    const length = this.length();
    const end = this.at + length;
    let key = "";
    let value: unknown = zeroOfMapValue(field);
    const valueTag = 2 * 8 + wireType(field.kind);
    while (this.at < end) {
      const tag = this.bytes[this.at++];
      if (tag === 1 * 8 + WIRE_LEN) {
        key = this.string(field.validateUtf8);
      } else if (tag === valueTag) {
        value = this.value(field, 0);
      } else {
        throw new Unsupported("map entry field");
      }
    }
    if (this.at !== end) throw new Unsupported("map entry overrun");
    map[key] = value;
  }

  private number(kind: ValueKind): number | boolean {
    switch (kind) {
      case ValueKind.Bool:
        return this.bool();
      case ValueKind.Double: {
        if (this.at + 8 > this.bytes.length) throw new Unsupported("truncated");
        this.view ??= new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
        const value = this.view.getFloat64(this.at, true);
        this.at += 8;
        return value;
      }
      case ValueKind.Int32:
      case ValueKind.Enum:
        return this.uint32() | 0;
      default:
        return this.uint32();
    }
  }

  /** A field tag: a varint of at most five bytes (protobuf-es rejects longer ones). */
  private tag(): number {
    const bytes = this.bytes;
    const first = bytes[this.at];
    if (first < 0x80) {
      this.at++;
      return first;
    }
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = bytes[this.at++];
      if (byte === undefined || (shift === 28 && byte > 0x0f)) throw new Unsupported("tag");
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new Unsupported("tag");
  }

  /** A length prefix, which must fit in what is left. */
  private length(): number {
    const length = this.uint32();
    if (length > this.bytes.length - this.at) throw new Unsupported("length past the end");
    return length;
  }

  /**
   * protobuf-es's varint32 reading: the low 32 bits of up to ten bytes (a negative int32 takes
   * ten), the fifth byte contributing only its low four bits.
   */
  private uint32(): number {
    const bytes = this.bytes;
    let at = this.at;
    let byte = bytes[at++];
    let result = byte & 0x7f;
    if (byte < 0x80) return this.done(at, result);
    byte = bytes[at++];
    result |= (byte & 0x7f) << 7;
    if (byte < 0x80) return this.done(at, result);
    byte = bytes[at++];
    result |= (byte & 0x7f) << 14;
    if (byte < 0x80) return this.done(at, result);
    byte = bytes[at++];
    result |= (byte & 0x7f) << 21;
    if (byte < 0x80) return this.done(at, result);
    byte = bytes[at++];
    result |= (byte & 0x0f) << 28;
    for (let read = 5; byte >= 0x80 && read < 10; read++) byte = bytes[at++];
    // A byte read past the end is undefined, which fails every comparison above.
    if (byte === undefined || byte >= 0x80) throw new Unsupported("varint");
    return this.done(at, result >>> 0);
  }

  private done(at: number, value: number): number {
    if (at > this.bytes.length) throw new Unsupported("truncated varint");
    this.at = at;
    return value;
  }

  /** A bool as protobuf-es writes it, one byte 0 or 1; longer varints are left to protobuf-es. */
  private bool(): boolean {
    const byte = this.bytes[this.at];
    if (byte !== 0 && byte !== 1) throw new Unsupported("bool");
    this.at++;
    return byte === 1;
  }
}

/**
 * A message as create() makes it: $typeName, then every implicit field at its zero value, in the
 * same order. Made by a per-type function returning an object literal, so V8 gives the object
 * fast (in-object) properties. create() adds them one by one with computed names, and past a
 * dozen such properties V8 switches an object to slow dictionary mode: every Job of the model
 * was one, and each read of it in a provider (job.needs, job.trigger...) a hash lookup.
 */
function newMessage(plan: MessagePlan): Fields {
  plan.create ??= messageFactory(plan);
  return plan.create();
}

/**
 * Compiles `() => ({ $typeName: "...", id: "", needs: [], ... })` for the type. The names come
 * from the generated descriptors and are quoted; the values are JSON literals or fresh empties.
 */
function messageFactory(plan: MessagePlan): () => Fields {
  const properties = [`"$typeName": ${JSON.stringify(plan.typeName)}`];
  for (const property of plan.zeros) {
    // A literal `__proto__` key would set the prototype; protobuf-es renames such fields anyway.
    if (property.name === "__proto__") throw new Unsupported("__proto__");
    properties.push(`${JSON.stringify(property.name)}: ${zeroLiteral(property)}`);
  }
  return new Function("EMPTY_BYTES", `return () => ({ ${properties.join(", ")} });`)(EMPTY_BYTES) as () => Fields;
}

function zeroLiteral(property: ZeroProperty): string {
  switch (property.zero) {
    case "value":
      return JSON.stringify(property.value);
    case "list":
      return "[]";
    case "map":
      return "{}";
    case "oneof":
      return "{ case: undefined }";
    case "bytes":
      // One shared empty array: nothing can be written into it, and a new one per message is
      // a typed-array allocation on every small call's decode.
      return "EMPTY_BYTES";
  }
}

function zeroOfMapValue(field: FieldPlan): unknown {
  switch (field.kind) {
    case ValueKind.String:
      return "";
    case ValueKind.Bytes:
      return EMPTY_BYTES;
    case ValueKind.Bool:
      return false;
    case ValueKind.Enum:
      return field.enumZero;
    default:
      return 0;
  }
}
