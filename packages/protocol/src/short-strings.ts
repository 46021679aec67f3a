import { configureTextEncoding } from "@bufbuild/protobuf/wire";

/**
 * UTF-8 for protobuf-es that is quick on the short ASCII strings a model is made of (ids, config
 * path segments, env names, most commands). The default calls TextEncoder/TextDecoder once per
 * string: a native call and an off-heap buffer each time, ~20% of encoding the 1000-job bench
 * model (25,000 messages, 60,000 strings). Here a short ASCII string is copied by a JS loop into a
 * small on-heap array (or read back with String.fromCharCode); anything longer or non-ASCII still
 * goes through TextEncoder/TextDecoder, so the bytes and the errors are the same.
 * configureTextEncoding is protobuf-es's documented hook for this.
 */
const SHORT = 64;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let strictDecoder: InstanceType<typeof TextDecoder> | undefined;

function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
  const length = text.length;
  if (length > SHORT) return encoder.encode(text) as Uint8Array<ArrayBuffer>;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return encoder.encode(text) as Uint8Array<ArrayBuffer>;
    bytes[i] = code;
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array, strict?: boolean): string {
  const length = bytes.length;
  if (length <= SHORT) {
    let ascii = true;
    for (let i = 0; i < length; i++) {
      if (bytes[i] > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  if (!strict) return decoder.decode(bytes);
  strictDecoder ??= new TextDecoder("utf-8", { fatal: true });
  return strictDecoder.decode(bytes);
}

function checkUtf8(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Installs the encoding (idempotent; every importer of @cigen/protocol gets it). */
export function useShortStringEncoding(): void {
  configureTextEncoding({ encodeUtf8, decodeUtf8, checkUtf8 });
}
