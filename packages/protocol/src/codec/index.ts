import {
  create,
  type DescMessage,
  fromBinary,
  type MessageInitShape,
  type MessageShape,
  toBinary,
} from "@bufbuild/protobuf";
import { planFor } from "./plan";
import { readMessage } from "./read";
import { writeMessage } from "./write";

/**
 * protobuf-es's toBinary, faster for the messages of this protocol: the same bytes. Messages it
 * does not cover, or values it does not expect, go to toBinary itself (which also raises the
 * errors).
 */
export function encodeMessage<D extends DescMessage>(desc: D, message: MessageShape<D>): Uint8Array {
  return tryEncode(desc, message) ?? toBinary(desc, message);
}

/**
 * protobuf-es's fromBinary, faster for the messages of this protocol: the same message object.
 * Bytes it does not read exactly like fromBinary (malformed, unknown fields...) go to fromBinary.
 */
export function decodeMessage<D extends DescMessage>(desc: D, bytes: Uint8Array): MessageShape<D> {
  return tryDecode(desc, bytes) ?? fromBinary(desc, bytes);
}

/**
 * toBinary(desc, create(desc, init)): an initializer (a message, or a partial object as callers
 * write them) to bytes, without building the message first when the codec covers the type.
 */
export function encodeInit<D extends DescMessage>(desc: D, init: MessageInitShape<D>): Uint8Array {
  return tryEncode(desc, init as MessageShape<D>) ?? toBinary(desc, create(desc, init));
}

/** The fast path alone: undefined where protobuf-es has to decide. Exported for tests. */
export function tryEncode<D extends DescMessage>(desc: D, message: MessageShape<D>): Uint8Array | undefined {
  const plan = planFor(desc);
  if (!plan.supported) return undefined;
  try {
    return writeMessage(plan, message);
  } catch {
    // Unsupported, or a value of a type it did not expect: protobuf-es decides what it means.
    return undefined;
  }
}

/** The fast path alone: undefined where protobuf-es has to decide. Exported for tests. */
export function tryDecode<D extends DescMessage>(desc: D, bytes: Uint8Array): MessageShape<D> | undefined {
  const plan = planFor(desc);
  if (!plan.supported) return undefined;
  try {
    return readMessage(plan, bytes) as MessageShape<D>;
  } catch {
    // Unsupported, or bytes it could not read (invalid UTF-8...): fromBinary gives the verdict.
    return undefined;
  }
}
