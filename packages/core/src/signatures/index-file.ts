import { createHash, type Hash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { PathSelection } from "./path-selection";

/**
 * Why an index cannot be read here; the caller then asks git instead (`readWorkTreeWithGit`), which
 * knows every format. Never an error for the user.
 */
export class UnsupportedIndex extends Error {
  override readonly name = "UnsupportedIndex";
}

/** Entry flags of git's index format (Documentation/gitformat-index.txt). */
const ASSUME_VALID = 0x8000;
const EXTENDED = 0x4000;
const STAGE_MASK = 0x3000;
const NAME_MASK = 0x0fff;
const SKIP_WORKTREE = 0x4000;
const INTENT_TO_ADD = 0x2000;
/** Each entry starts with ten 32-bit stat fields, then the object id, then the flags. */
const STAT_BYTES = 40;

export const ENTRY_ASSUME_VALID = 1;
export const ENTRY_SKIP_WORKTREE = 2;
export const ENTRY_INTENT_TO_ADD = 4;

/**
 * The entries of the index that lie in the selected paths, in index order (byte order of their
 * paths, which is `comparePaths` order). Entry `k`'s stat data (ctime, mtime, dev, ino, mode, uid,
 * gid, size: big-endian 32-bit words) and object id are `fixed[k * fixedBytes ...]`.
 */
export interface IndexEntries {
  /** Paths relative to the selection's `base`. */
  paths: string[];
  fixed: Buffer;
  fixedBytes: number;
  hashBytes: number;
  /** 0 when merged; otherwise the stage (1..3) of an unmerged path, which appears once per stage. */
  stages: Uint8Array;
  /** `ENTRY_*` bits. */
  flags: Uint8Array;
  /** The index file's mtime (seconds, nanoseconds), for git's racy-git rule. */
  mtime: [number, number];
}

/** Which paths to return: those below `base` (a directory ending in `/`, or ""), then `under`. */
export interface IndexSelection {
  base: string;
  /** Paths relative to `base`: each selects itself and everything below it. Undefined: all of `base`. */
  under?: readonly string[];
}

/**
 * Reads git's index, versions 2, 3 and 4 (v4 compresses each path against the previous one), and
 * checks its trailing checksum as git does. Extensions are skipped, except the two that change what
 * the entries mean: `link` (split index: entries live in another file) and `sdir` (sparse index:
 * some entries are whole directories); those, any unknown required extension, other versions and
 * any inconsistency throw `UnsupportedIndex`. Undefined when there is no index file.
 *
 * The file goes through one reused 1 MiB window: reading a 9.6 MB index into a fresh buffer cost
 * 40 ms of page faults against 5 ms this way, more than parsing it. Only the selected entries'
 * paths are decoded and only their 60 fixed bytes are kept.
 */
export function readIndex(file: string, hashBytes: 20 | 32, selection: IndexSelection): IndexEntries | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return undefined; // no index yet, or unreadable: git says what it makes of that
  }
  try {
    const { size, mtimeNs } = fstatSync(fd, { bigint: true });
    const stream = new IndexStream(fd, Number(size), hashBytes);
    const entries = readEntries(stream, hashBytes, new PathSelection(selection.base, selection.under));
    readExtensions(stream);
    stream.verifyChecksum();
    return { ...entries, mtime: [Number(mtimeNs / 1_000_000_000n), Number(mtimeNs % 1_000_000_000n)] };
  } finally {
    closeSync(fd);
  }
}

/** The index file through a window that slides forward, hashing the bytes git's checksum covers. */
class IndexStream {
  buffer = Buffer.allocUnsafe(1 << 20);
  /** The next unread byte in `buffer`. */
  at = 0;
  private end = 0;
  private read = 0;
  private readonly hash: Hash;
  /** Where the trailing checksum starts. */
  readonly limit: number;

  constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly hashBytes: number,
  ) {
    this.hash = createHash(hashBytes === 20 ? "sha1" : "sha256");
    this.limit = size - hashBytes;
    if (this.limit < 12) throw new UnsupportedIndex("index too short");
  }

  private dataView: DataView | undefined;

  /** `buffer` as a DataView (made again only when the window grows). */
  view(): DataView {
    if (this.dataView?.buffer !== this.buffer.buffer)
      this.dataView = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
    return this.dataView;
  }

  /** The file offset of `at`. */
  get offset(): number {
    return this.read - (this.end - this.at);
  }

  /** Makes `count` bytes from `at` available, or throws: the index ends early. */
  need(count: number): void {
    if (this.end - this.at >= count) return;
    if (this.at > 0) {
      this.buffer.copy(this.buffer, 0, this.at, this.end);
      this.end -= this.at;
      this.at = 0;
    }
    if (count > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(count, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.end);
      this.buffer = grown;
    }
    while (this.end < count && this.read < this.size) {
      const got = readSync(this.fd, this.buffer, this.end, this.buffer.length - this.end, this.read);
      if (got === 0) break;
      const hashed = Math.min(got, this.limit - this.read);
      if (hashed > 0) this.hash.update(this.buffer.subarray(this.end, this.end + hashed));
      this.end += got;
      this.read += got;
    }
    if (this.end < count) throw new UnsupportedIndex("index ends early");
  }

  /** Where (relative to `at`) the NUL ending a string that starts `from` bytes after `at` is. */
  nul(from: number): number {
    for (;;) {
      const zero = this.buffer.indexOf(0, this.at + from);
      if (zero !== -1 && zero < this.end) return zero - this.at;
      this.need(this.end - this.at + 1);
    }
  }

  /** Moves `at` forward by `count` bytes, reading (and hashing) what lies between. */
  skip(count: number): void {
    while (count > 0) {
      const step = Math.min(count, this.buffer.length);
      this.need(step);
      this.at += step;
      count -= step;
    }
  }

  /** Reads the rest: only the stored checksum is left. git writes zeros when `index.skipHash` is set. */
  verifyChecksum(): void {
    if (this.offset !== this.limit) throw new UnsupportedIndex("extensions overrun the index");
    this.need(this.hashBytes);
    const stored = this.buffer.subarray(this.at, this.at + this.hashBytes);
    if (stored.every((byte) => byte === 0)) return;
    if (!this.hash.digest().equals(stored)) throw new UnsupportedIndex("index checksum mismatch");
  }
}

function readEntries(stream: IndexStream, hashBytes: number, selection: PathSelection): Omit<IndexEntries, "mtime"> {
  stream.need(12);
  if (stream.buffer.toString("latin1", 0, 4) !== "DIRC") throw new UnsupportedIndex("not an index file");
  const version = stream.buffer.readUInt32BE(4);
  if (version < 2 || version > 4) throw new UnsupportedIndex(`index version ${version}`);
  const entryCount = stream.buffer.readUInt32BE(8);
  stream.at = 12;
  const fixedBytes = STAT_BYTES + hashBytes;
  if (entryCount > stream.limit / (fixedBytes + 2)) throw new UnsupportedIndex("entry count too large");
  const out: Omit<IndexEntries, "mtime"> = {
    paths: [],
    // Pages of an unsafe allocation that are never written are never touched: this costs what is selected.
    fixed: Buffer.allocUnsafe(entryCount * fixedBytes),
    fixedBytes,
    hashBytes,
    stages: new Uint8Array(entryCount),
    flags: new Uint8Array(entryCount),
  };
  const fixed = new DataView(out.fixed.buffer, out.fixed.byteOffset, out.fixed.byteLength);
  const v4 = version === 4 ? new PathBuilder() : undefined;
  const names = new SelectedNames(stream.limit);
  let count = 0;
  for (let i = 0; i < entryCount; i++) {
    // Offsets below are relative to the entry's start (`stream.at`), which `need` may move.
    stream.need(fixedBytes + 2);
    const flags = stream.buffer.readUInt16BE(stream.at + fixedBytes);
    let extended = 0;
    if (flags & EXTENDED) {
      if (version < 3) throw new UnsupportedIndex("extended flags in a version 2 index");
      stream.need(fixedBytes + 4);
      extended = stream.buffer.readUInt16BE(stream.at + fixedBytes + 2);
      // Bits git does not define make git itself refuse the index.
      if (extended & ~(SKIP_WORKTREE | INTENT_TO_ADD)) throw new UnsupportedIndex("unknown extended entry flags");
    }
    const nameAt = fixedBytes + (flags & EXTENDED ? 4 : 2);
    let size: number;
    let strip = 0;
    let suffixAt = nameAt;
    let nameEnd: number;
    if (v4) {
      ({ value: strip, next: suffixAt } = readVarint(stream, nameAt));
      nameEnd = stream.nul(suffixAt);
      size = nameEnd + 1;
    } else {
      const length = flags & NAME_MASK;
      // A name of 0xFFF bytes or more is stored with 0xFFF and found by its terminating NUL.
      nameEnd = length < NAME_MASK ? nameAt + length : stream.nul(nameAt + NAME_MASK);
      // v2/v3 entries are NUL-padded to a multiple of 8 bytes (1 to 8 NULs).
      size = (nameEnd + 8) & ~7;
    }
    stream.need(size);
    const buffer = stream.buffer;
    const at = stream.at;
    stream.at += size;
    if (buffer[at + nameEnd] !== 0) throw new UnsupportedIndex("bad path length");
    const path = v4 ? v4.replace(strip, buffer, at + suffixAt, at + nameEnd) : buffer;
    const from = v4 ? 0 : at + nameAt;
    const to = v4 ? v4.length : at + nameEnd;
    if (!selection.has(path, from, to)) continue;
    names.add(path, from + selection.baseBytes, to);
    const k = count++;
    // Word by word: Buffer#copy makes a view per call, which cost more than copying 60 bytes.
    const source = stream.view();
    for (let b = 0, o = k * fixedBytes; b < fixedBytes; b += 4) fixed.setUint32(o + b, source.getUint32(at + b));
    out.stages[k] = (flags & STAGE_MASK) >> 12;
    out.flags[k] =
      (flags & ASSUME_VALID ? ENTRY_ASSUME_VALID : 0) |
      (extended & SKIP_WORKTREE ? ENTRY_SKIP_WORKTREE : 0) |
      (extended & INTENT_TO_ADD ? ENTRY_INTENT_TO_ADD : 0);
  }
  out.paths = names.decode();
  return out;
}

/**
 * The selected paths' bytes, NUL-separated, decoded with one call and split: 40,000 separate
 * `toString` calls cost 25 ms more than this (median of 9, benchmark repository).
 */
class SelectedNames {
  private readonly bytes: Buffer;
  private length = 0;
  /** The bits of every byte added: below 0x80, the names are ASCII. */
  private bits = 0;

  /** `capacity`: the index file's size, which holds every name (unwritten pages cost nothing). */
  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  add(source: Buffer, from: number, to: number): void {
    const bytes = this.bytes;
    let at = this.length;
    let bits = this.bits;
    for (let i = from; i < to; i++) {
      bits |= source[i];
      bytes[at++] = source[i];
    }
    bytes[at++] = 0;
    this.length = at;
    this.bits = bits;
  }

  decode(): string[] {
    if (this.length === 0) return [];
    // ASCII needs no UTF-8 decoding (latin1 is a copy); other names are checked after decoding.
    if (this.bits < 0x80) return this.bytes.toString("latin1", 0, this.length - 1).split("\0");
    const text = this.bytes.toString("utf8", 0, this.length - 1);
    // Not valid UTF-8 (or holding U+FFFD): a decoded name could not be used to reach the file.
    if (text.includes("\uFFFD")) throw new UnsupportedIndex("a path that is not valid UTF-8");
    return text.split("\0");
  }
}

/** git's offset varint (varint.c): 7 bits a byte, and each continuation adds one before shifting. */
function readVarint(stream: IndexStream, from: number): { value: number; next: number } {
  let at = from;
  stream.need(at + 1);
  let byte = stream.buffer[stream.at + at++];
  let value = byte & 0x7f;
  while (byte & 0x80) {
    if (value > 0xffffff) throw new UnsupportedIndex("bad path prefix length");
    stream.need(at + 1);
    byte = stream.buffer[stream.at + at++];
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return { value, next: at };
}

/** The current v4 path: each entry drops `strip` bytes from the end of the previous one and appends. */
class PathBuilder {
  bytes = Buffer.allocUnsafe(4096);
  length = 0;

  replace(strip: number, source: Buffer, from: number, to: number): Buffer {
    if (strip > this.length) throw new UnsupportedIndex("path prefix longer than the previous path");
    const keep = this.length - strip;
    if (keep + (to - from) > this.bytes.length) {
      const grown = Buffer.allocUnsafe(2 * (keep + (to - from)));
      this.bytes.copy(grown, 0, 0, keep);
      this.bytes = grown;
    }
    source.copy(this.bytes, keep, from, to);
    this.length = keep + (to - from);
    return this.bytes;
  }
}

/**
 * Skips the optional extensions (signature starting with A-Z: cache tree, resolve-undo, untracked
 * cache, fsmonitor, offset tables). A required one (lower-case) changes the entries' meaning.
 */
function readExtensions(stream: IndexStream): void {
  while (stream.offset < stream.limit) {
    stream.need(8);
    const signature = stream.buffer.toString("latin1", stream.at, stream.at + 4);
    const first = signature.charCodeAt(0);
    if (first < 0x41 || first > 0x5a) throw new UnsupportedIndex(`index extension "${signature}"`);
    stream.skip(8 + stream.buffer.readUInt32BE(stream.at + 4));
  }
}

/** The entry's mode word (`0o100644`, `0o100755`, `0o120000`, `0o160000`). */
export function entryMode(entries: IndexEntries, k: number): number {
  return entries.fixed.readUInt32BE(k * entries.fixedBytes + 24);
}

/** The entry's object id in hex. */
export function entryBlob(entries: IndexEntries, k: number): string {
  const at = k * entries.fixedBytes + STAT_BYTES;
  return entries.fixed.toString("hex", at, at + entries.hashBytes);
}
