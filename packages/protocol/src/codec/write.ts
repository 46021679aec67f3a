import { type FieldPlan, type MessagePlan, planFor, ValueKind } from "./plan";
import { Unsupported } from "./unsupported";
import { WIRE_LEN, wireType } from "./wire";

/**
 * Writes `message` the way protobuf-es's toBinary does, byte for byte, in one pass into one
 * growing buffer. A nested message or string is written after a one-byte length placeholder,
 * and moved along in the rare case its length needs more than one byte. protobuf-es instead
 * writes every nested message into a buffer of its own and copies it into its parent's, and
 * every string into a buffer of its own: for the 1000-job model that is ~100,000 short-lived
 * Uint8Arrays and several copies of every byte (~190 ms of cold CPU against ~60 ms here).
 * Throws Unsupported for anything it would not write exactly like protobuf-es.
 */
export function writeMessage(plan: MessagePlan, message: object): Uint8Array {
  const writer = new Writer(scratch);
  writer.fields(plan, message as Fields, 0, !isMessageOf(plan, message));
  // Kept for the next message unless it grew large (a Generate response can be megabytes).
  if (writer.bytes.length <= KEEP_SCRATCH) scratch = writer.bytes;
  return writer.bytes.slice(0, writer.at);
}

/** The buffer messages are written into, reused: a small message then costs no allocation but its copy. */
let scratch: Uint8Array = new Uint8Array(16 * 1024);
const KEEP_SCRATCH = 1024 * 1024;

type Fields = Record<string, unknown>;

/** Deeper than this, protobuf-es (which reads at most 100 levels back) decides. */
const MAX_DEPTH = 64;

const NOT_SET = Symbol("not set");

class Writer {
  at = 0;
  private view: DataView | undefined;

  constructor(public bytes: Uint8Array) {}

  /**
   * `init`: the object is an initializer, not a message (no matching $typeName), so it is written
   * as toBinary(create(init)) would be: a field that is null or undefined is not set.
   */
  fields(plan: MessagePlan, message: Fields, depth: number, init: boolean): void {
    if (!plan.supported || depth > MAX_DEPTH) throw new Unsupported(plan.typeName);
    const unknown = message.$unknown as unknown[] | undefined;
    if (unknown !== undefined && unknown.length > 0) throw new Unsupported("unknown fields");
    for (const field of plan.fields) {
      const value = fieldValue(field, message, init);
      if (value === NOT_SET) continue;
      if (field.shape === "single") {
        this.tag(field.number, wireType(field.kind));
        this.value(field, value, depth, init);
      } else if (field.shape === "list") {
        this.list(field, value as unknown[], depth, init);
      } else {
        this.map(field, value as Fields);
      }
    }
  }

  private value(field: FieldPlan, value: unknown, depth: number, init: boolean): void {
    switch (field.kind) {
      case ValueKind.String:
        if (typeof value !== "string") throw new Unsupported("string");
        this.string(value);
        return;
      case ValueKind.Bytes: {
        if (!(value instanceof Uint8Array)) throw new Unsupported("bytes");
        this.varint(value.length);
        this.reserve(value.length);
        this.bytes.set(value, this.at);
        this.at += value.length;
        return;
      }
      case ValueKind.Message: {
        if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Unsupported("message");
        const start = this.placeholder();
        const plan = planFor(field.message!);
        // create() takes a message as it is and makes one from anything else.
        this.fields(plan, value as Fields, depth + 1, init && !isMessageOf(plan, value));
        this.closeLength(start);
        return;
      }
      default:
        this.number(field.kind, value);
    }
  }

  private list(field: FieldPlan, items: unknown[], depth: number, init: boolean): void {
    if (field.packed) {
      this.tag(field.number, WIRE_LEN);
      const start = this.placeholder();
      for (const item of items) this.number(field.kind, item);
      this.closeLength(start);
      return;
    }
    const wire = wireType(field.kind);
    for (const item of items) {
      this.tag(field.number, wire);
      this.value(field, item, depth, init);
    }
  }

  /** Each entry is a small message: key (field 1) then value (field 2), both always written. */
  private map(field: FieldPlan, map: Fields): void {
    const valueTag = wireType(field.kind);
    for (const key of Object.keys(map)) {
      this.tag(field.number, WIRE_LEN);
      const start = this.placeholder();
      this.tag(1, WIRE_LEN);
      this.string(key);
      this.tag(2, valueTag);
      this.value(field, map[key], 0, false);
      this.closeLength(start);
    }
  }

  private string(value: string): void {
    const length = value.length;
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.reserve(5 + 3 * length);
    const start = this.placeholder();
    const bytes = this.bytes;
    let at = this.at;
    // Most strings are short and ASCII: a JS loop beats a call into C++ for them.
    if (length <= 32) {
      let i = 0;
      for (; i < length; i++) {
        const code = value.charCodeAt(i);
        if (code > 0x7f) break;
        bytes[at++] = code;
      }
      if (i === length) {
        this.at = at;
        this.closeLength(start);
        return;
      }
      at = this.at;
    }
    this.at = at + this.bufferView().write(value, at, "utf8");
    this.closeLength(start);
  }

  private number(kind: ValueKind, value: unknown): void {
    switch (kind) {
      case ValueKind.Bool:
        if (typeof value !== "boolean") throw new Unsupported("bool");
        this.reserve(1);
        this.bytes[this.at++] = value ? 1 : 0;
        return;
      case ValueKind.Double:
        if (typeof value !== "number") throw new Unsupported("double");
        this.reserve(8);
        this.view ??= new DataView(this.bytes.buffer);
        this.view.setFloat64(this.at, value, true);
        this.at += 8;
        return;
      case ValueKind.Uint32:
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
          throw new Unsupported("uint32");
        }
        this.varint(value);
        return;
      default:
        checkInt32(value);
        if (value < 0) this.negativeInt32(value);
        else this.varint(value);
    }
  }

  /** protobuf-es writes a negative int32 as the ten-byte varint of its 64-bit sign extension. */
  private negativeInt32(value: number): void {
    this.reserve(10);
    for (let i = 0; i < 9; i++) {
      this.bytes[this.at++] = (value & 0x7f) | 0x80;
      value >>= 7;
    }
    this.bytes[this.at++] = 1;
  }

  /** One byte for a length that is usually below 128; closeLength makes room when it is not. */
  private placeholder(): number {
    this.reserve(1);
    return this.at++;
  }

  /** Writes the length of what follows the placeholder at `start`, moving it if it needs more bytes. */
  private closeLength(start: number): void {
    const length = this.at - start - 1;
    if (length < 0x80) {
      this.bytes[start] = length;
      return;
    }
    const extra = varintSize(length) - 1;
    this.reserve(extra);
    const bytes = this.bytes;
    bytes.copyWithin(start + 1 + extra, start + 1, this.at);
    this.at += extra;
    let at = start;
    let rest = length;
    while (rest > 0x7f) {
      bytes[at++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    bytes[at] = rest;
  }

  private tag(fieldNumber: number, wire: number): void {
    this.varint(fieldNumber * 8 + wire);
  }

  private varint(value: number): void {
    this.reserve(5);
    const bytes = this.bytes;
    let at = this.at;
    while (value > 0x7f) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
    this.at = at;
  }

  /** Room for `n` more bytes. */
  private reserve(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
    this.view = undefined;
  }

  /** The buffer as a Node Buffer, for Buffer's UTF-8 writer (no copy). */
  private bufferView(): Buffer {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
  }
}

/** The value protobuf-es would write for `field`, or NOT_SET when it leaves the field out. */
function fieldValue(field: FieldPlan, message: Fields, init: boolean): unknown {
  if (field.oneof !== undefined) {
    const group = message[field.oneof] as { case?: unknown; value?: unknown } | undefined;
    if (init && group == null) return NOT_SET;
    if (typeof group !== "object" || group === null) throw new Unsupported("oneof");
    if (group.case !== field.name) return NOT_SET;
    // create() keeps a oneof case even without a value, and toBinary then fails or writes an empty value.
    if (group.value == null) throw new Unsupported("oneof without a value");
    return group.value;
  }
  const value = message[field.name];
  if (init && value == null) return NOT_SET;
  if (field.shape === "list") {
    if (!Array.isArray(value)) throw new Unsupported("list");
    return value.length > 0 ? value : NOT_SET;
  }
  if (field.shape === "map") {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Unsupported("map");
    return Object.keys(value).length > 0 ? value : NOT_SET;
  }
  if (field.kind === ValueKind.Message) {
    return value !== undefined && Object.hasOwn(message, field.name) ? value : NOT_SET;
  }
  return isZero(field, value) ? NOT_SET : value;
}

/** protobuf-es's rule for an implicit-presence scalar it leaves out; the value is checked first. */
function isZero(field: FieldPlan, value: unknown): boolean {
  switch (field.kind) {
    case ValueKind.String:
      if (typeof value !== "string") throw new Unsupported("string");
      return value === "";
    case ValueKind.Bytes:
      if (!(value instanceof Uint8Array)) throw new Unsupported("bytes");
      return value.length === 0;
    case ValueKind.Bool:
      if (typeof value !== "boolean") throw new Unsupported("bool");
      return value === false;
    case ValueKind.Double:
      if (typeof value !== "number") throw new Unsupported("double");
      return Object.is(value, 0);
    case ValueKind.Enum:
      checkInt32(value);
      return value === field.enumZero;
    default:
      if (typeof value !== "number") throw new Unsupported("number");
      return value === 0;
  }
}

function isMessageOf(plan: MessagePlan, value: object): boolean {
  return (value as { $typeName?: unknown }).$typeName === plan.typeName;
}

function checkInt32(value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new Unsupported("int32");
  }
}

function varintSize(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  return 5;
}
