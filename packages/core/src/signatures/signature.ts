import { createHash, type Hash } from "node:crypto";
import { comparePaths } from "./compare-paths";

/**
 * Version of the encoding below. Bump it whenever anything about what goes into a signature or how
 * it is written changes: every recorded signature then stops matching, which costs one run per
 * job and can never cause a wrong skip.
 */
export const SIGNATURE_FORMAT = 1;

/** The files of one signature section, already encoded (see `encodeFileEntry`). */
export interface FileSection {
  count: number;
  /** Feeds the encoded entries, in path order, to the hash. */
  write(update: (bytes: Uint8Array) => void): void;
}

/** Everything one job variant's signature is made of, in the order the spec lists it. */
export interface SignatureParts {
  /** The job variant id (job id + matrix values). */
  id: string;
  /** `canonicalJson` of the resolved, provider-neutral definition. */
  definition: string;
  files: FileSection;
  /** `skip_if.env` names with their values; `undefined` = unset, which differs from "". */
  env: ReadonlyArray<readonly [string, string | undefined]>;
  /** Versions modules detected, by module name. */
  modules: Readonly<Record<string, string>>;
  /** Files that modules add (lock files, version files). */
  moduleFiles: FileSection;
  /** Signatures of the jobs in `needs`, by job id. */
  needs: Readonly<Record<string, string>>;
  /** Signatures of the jobs in `needs_any`, by job id. */
  needsAny: Readonly<Record<string, string>>;
}

/**
 * One file as a signature sees it: path, git mode and blob id, each length-prefixed. The mode is
 * part of it because flipping the executable bit or replacing a file by a symlink changes what a
 * job does while the content hash stays the same.
 */
export function encodeFileEntry(path: string, mode: string, blob: string): Buffer {
  const entry = Buffer.allocUnsafe(fileEntryLength(path, mode, blob));
  writeFileEntry(entry, 0, path, mode, blob);
  return entry;
}

/** The bytes `encodeFileEntry` gives for this file. */
export function fileEntryLength(path: string, mode: string, blob: string): number {
  return 4 + Buffer.byteLength(path, "utf8") + 1 + mode.length + 1 + blob.length;
}

/** Writes `encodeFileEntry`'s bytes into `target` at `at` (sized with `fileEntryLength`); returns the end. */
export function writeFileEntry(target: Buffer, at: number, path: string, mode: string, blob: string): number {
  const pathLength = target.write(path, at + 4, "utf8");
  target.writeUInt32BE(pathLength, at);
  let end = target.writeUInt8(mode.length, at + 4 + pathLength);
  end += target.write(mode, end, "latin1");
  end = target.writeUInt8(blob.length, end);
  return end + target.write(blob, end, "latin1");
}

/** A file section over a list of already-encoded entries (history replay, tests). */
export function fileSectionOf(entries: readonly Uint8Array[]): FileSection {
  return {
    count: entries.length,
    write: (update) => {
      for (const entry of entries) update(entry);
    },
  };
}

/**
 * SHA-256 (hex) over an unambiguous encoding of `parts`: a magic and format version, then each
 * field in a fixed order, every string and every list length-prefixed (uint32, big-endian), so no
 * two different inputs can produce the same bytes. Map-like inputs are sorted by key first.
 */
export function hashSignature(parts: SignatureParts): string {
  const hash = createHash("sha256");
  const text = (value: string) => writeText(hash, value);
  text(`cigen-signature/${SIGNATURE_FORMAT}`);
  text(parts.id);
  text(parts.definition);
  writeFiles(hash, parts.files);
  const env = [...parts.env].sort((a, b) => comparePaths(a[0], b[0]));
  writeCount(hash, env.length);
  for (const [name, value] of env) {
    text(name);
    // One byte says whether the variable is set, so unset and "" differ.
    hash.update(Uint8Array.of(value === undefined ? 0 : 1));
    if (value !== undefined) text(value);
  }
  writeMap(hash, parts.modules);
  writeFiles(hash, parts.moduleFiles);
  writeMap(hash, parts.needs);
  writeMap(hash, parts.needsAny);
  return hash.digest("hex");
}

function writeCount(hash: Hash, count: number): void {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeUInt32BE(count, 0);
  hash.update(bytes);
}

function writeText(hash: Hash, value: string): void {
  const bytes = Buffer.from(value, "utf8");
  writeCount(hash, bytes.length);
  hash.update(bytes);
}

function writeFiles(hash: Hash, files: FileSection): void {
  writeCount(hash, files.count);
  files.write((bytes) => hash.update(bytes));
}

function writeMap(hash: Hash, map: Readonly<Record<string, string>>): void {
  const keys = Object.keys(map).sort(comparePaths);
  writeCount(hash, keys.length);
  for (const key of keys) {
    writeText(hash, key);
    writeText(hash, map[key]);
  }
}
