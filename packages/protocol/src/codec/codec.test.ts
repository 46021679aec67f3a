import { create, type DescField, type DescMessage, fromBinary, ScalarType, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import * as model from "../gen/cigen/plugin/v1/model_pb";
import * as plugin from "../gen/cigen/plugin/v1/plugin_pb";
import { decodeMessage, encodeInit, encodeMessage, tryDecode, tryEncode } from ".";

/** Every message type of the protocol. */
const SCHEMAS: DescMessage[] = ([...Object.values(model), ...Object.values(plugin)] as unknown[]).filter(
  (v): v is DescMessage => typeof v === "object" && v !== null && (v as DescMessage).kind === "message",
);

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  "",
  "a",
  "npm test",
  "cigen.plugin.v1.Plugin/Generate",
  "x".repeat(31),
  "y".repeat(33),
  "a long line of text well past one hundred and twenty-eight bytes, so that its length prefix takes two bytes: ......",
  "z".repeat(20_000),
  "\u00e9t\u00e9",
  "\u65e5\u672c\u8a9e",
  "emoji \ud83c\udf89",
  "lone \ud800 surrogate",
  "\u0000nul",
];
const UINT32 = [0, 1, 127, 128, 300, 16_384, 2 ** 31, 2 ** 32 - 1];
const INT32 = [0, 1, -1, 127, 128, -128, 2 ** 31 - 1, -(2 ** 31)];
const DOUBLES = [0, -0, 1.5, -2.25, Number.NaN, Number.POSITIVE_INFINITY, 1e300, 5e-324];

function randomMessage(desc: DescMessage, random: () => number, depth: number): Record<string, unknown> {
  return create(desc, randomInit(desc, random, depth, false)) as unknown as Record<string, unknown>;
}

/**
 * An initializer as a caller writes one: fields left out, and with `holes`, some null or
 * undefined, nested messages given as plain objects or (sometimes) as messages.
 */
function randomInit(desc: DescMessage, random: () => number, depth: number, holes: boolean): Record<string, unknown> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const value = (field: DescField, kind: "scalar" | "enum" | "message", scalar?: ScalarType): unknown => {
    if (kind === "message") {
      const init = randomInit(field.message!, random, depth + 1, holes);
      return holes && random() < 0.5 ? init : create(field.message!, init);
    }
    if (kind === "enum") return random() < 0.8 ? pick(field.enum!.values).number : 99;
    switch (scalar) {
      case ScalarType.STRING:
        return pick(STRINGS);
      case ScalarType.BYTES:
        return new Uint8Array(Math.floor(random() * 300)).map(() => Math.floor(random() * 256));
      case ScalarType.BOOL:
        return random() < 0.5;
      case ScalarType.UINT32:
        return pick(UINT32);
      case ScalarType.INT32:
        return pick(INT32);
      case ScalarType.DOUBLE:
        return pick(DOUBLES);
      default:
        throw new Error(`no generator for scalar ${scalar}`);
    }
  };
  const init: Record<string, unknown> = {};
  for (const member of desc.members) {
    if (member.kind === "oneof") {
      const field = random() < 0.7 ? pick(member.fields) : undefined;
      if (field) {
        const kind = field.fieldKind === "message" ? "message" : field.fieldKind === "enum" ? "enum" : "scalar";
        if (kind === "message" && depth > 3) continue;
        init[member.localName] = { case: field.localName, value: value(field, kind, field.scalar) };
      }
      continue;
    }
    const field = member;
    if (field.oneof) continue;
    if (random() < 0.25) continue;
    switch (field.fieldKind) {
      case "scalar":
        init[field.localName] = value(field, "scalar", field.scalar);
        break;
      case "enum":
        init[field.localName] = value(field, "enum");
        break;
      case "message":
        if (depth <= 3) init[field.localName] = value(field, "message");
        break;
      case "list": {
        if (field.listKind === "message" && depth > 3) break;
        const kind = field.listKind;
        init[field.localName] = Array.from({ length: Math.floor(random() * 4) }, () =>
          value(field, kind, kind === "scalar" ? field.scalar : undefined),
        );
        break;
      }
      case "map": {
        const map: Record<string, unknown> = {};
        for (let i = Math.floor(random() * 4); i > 0; i--) {
          map[pick(STRINGS).slice(0, 40)] = value(field, field.mapKind === "enum" ? "enum" : "scalar", field.scalar);
        }
        init[field.localName] = map;
        break;
      }
    }
  }
  if (holes) for (const key of Object.keys(init)) if (random() < 0.15) init[key] = random() < 0.5 ? null : undefined;
  return init;
}

/** Own property names, recursively, in order: the shape of a message object, not just its values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value instanceof Uint8Array || typeof value !== "object" || value === null) return typeof value;
  return Object.entries(value).map(([k, v]) => [k, shape(v)]);
}

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString("hex");

describe("codec", () => {
  it("covers every message type of the protocol", () => {
    expect(SCHEMAS.length).toBeGreaterThan(40);
    for (const desc of SCHEMAS) expect(tryEncode(desc, create(desc)), desc.typeName).toBeDefined();
  });

  it("writes the bytes toBinary writes and reads back what fromBinary reads, for random messages of every type", () => {
    const random = seeded(7);
    for (const desc of SCHEMAS) {
      for (let i = 0; i < 40; i++) {
        const message = randomMessage(desc, random, 0);
        const expected = toBinary(desc, message as never);
        const ours = tryEncode(desc, message as never);
        expect(ours && hex(ours), desc.typeName).toBe(hex(expected));
        const decoded = tryDecode(desc, expected);
        const reference = fromBinary(desc, expected);
        expect(decoded, desc.typeName).toStrictEqual(reference);
        expect(shape(decoded)).toEqual(shape(reference));
      }
    }
  });

  it("agrees with fromBinary on damaged, merged and unpacked input", () => {
    const random = seeded(11);
    for (const desc of SCHEMAS) {
      for (let i = 0; i < 8; i++) {
        const bytes = toBinary(desc, randomMessage(desc, random, 0) as never);
        const variants: Uint8Array[] = [bytes.subarray(0, Math.floor(random() * bytes.length))];
        const flipped = bytes.slice();
        if (flipped.length > 0) flipped[Math.floor(random() * flipped.length)] ^= 1 << Math.floor(random() * 8);
        variants.push(flipped);
        // Two messages one after the other: protobuf merges them.
        variants.push(new Uint8Array([...bytes, ...toBinary(desc, randomMessage(desc, random, 0) as never)]));
        for (const v of variants) {
          expect(
            outcome(() => decodeMessage(desc, v)),
            desc.typeName,
          ).toStrictEqual(outcome(() => fromBinary(desc, v)));
        }
      }
    }
  });

  it("writes an initializer as toBinary(create(init)) does, without creating the message", () => {
    const random = seeded(13);
    let fast = 0;
    let total = 0;
    for (const desc of SCHEMAS) {
      for (let i = 0; i < 20; i++) {
        const init = randomInit(desc, random, 0, true);
        total++;
        if (tryEncode(desc, init as never)) fast++;
        expect(hex(encodeInit(desc, init as never)), desc.typeName).toBe(
          hex(toBinary(desc, create(desc, init as never))),
        );
      }
    }
    // Most initializers take the fast path (those with bytes as number arrays and the like do not).
    expect(fast / total).toBeGreaterThan(0.9);
  });

  it("reads repeated numbers written one by one as well as packed", () => {
    const service = create(model.ServiceSchema, { name: "db", ports: [5432, 80] });
    // ports (field 4) unpacked: one varint each.
    const bytes = new Uint8Array([0x0a, 2, 0x64, 0x62, 0x20, 0xb8, 0x2a, 0x20, 0x50]);
    expect(tryDecode(model.ServiceSchema, bytes)).toStrictEqual(fromBinary(model.ServiceSchema, bytes));
    expect(tryDecode(model.ServiceSchema, bytes)).toStrictEqual(service);
  });

  it("leaves values it does not expect to toBinary, which decides (here: rejects) them", () => {
    const cases: [DescMessage, Record<string, unknown>][] = [
      [model.ServiceSchema, { ports: [-1] }],
      [model.JobSchema, { timeoutMinutes: 1.5 }],
      [model.JobSchema, { id: 42 }],
      [plugin.FragmentSchema, { order: 2 ** 31 }],
    ];
    for (const [desc, fields] of cases) {
      const message = { ...create(desc), ...fields };
      expect(tryEncode(desc, message as never)).toBeUndefined();
      expect(outcome(() => encodeMessage(desc, message as never))).toStrictEqual(
        outcome(() => toBinary(desc, message as never)),
      );
    }
  });
});
