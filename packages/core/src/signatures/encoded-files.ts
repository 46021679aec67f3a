import { type FileSection, fileEntryLength, writeFileEntry } from "./signature";

/** A file as it enters a signature: path, git mode, blob id. */
export type FileInput = [path: string, mode: string, blob: string];

/**
 * The encoded entries of every file some job needs, laid out in path order in one buffer. A job's
 * files are a subset in the same order, so each run of neighbouring files is one contiguous slice:
 * hashing a job that matches a whole directory is a single `update` over a buffer, not one call
 * per file.
 */
export class EncodedFiles {
  private readonly buffer: Buffer;
  /** Byte offset of path i's entry; -1 for paths no job needs. */
  private readonly offsets: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    private readonly paths: readonly string[],
    private readonly modes: readonly string[],
    private readonly blobs: readonly (string | undefined)[],
    needed: Uint8Array,
  ) {
    this.offsets = new Int32Array(paths.length).fill(-1);
    this.ends = new Int32Array(paths.length);
    // Sized first, then written in place: one allocation instead of one per file.
    let size = 0;
    for (let i = 0; i < paths.length; i++) {
      if (!needed[i]) continue;
      this.offsets[i] = size;
      size += fileEntryLength(paths[i], modes[i], blobs[i]!);
      this.ends[i] = size;
    }
    this.buffer = Buffer.allocUnsafe(size);
    for (let i = 0; i < paths.length; i++)
      if (needed[i]) writeFileEntry(this.buffer, this.offsets[i], paths[i], modes[i], blobs[i]!);
  }

  /** The section for the paths marked in `mask` (all of which must have been `needed`). */
  section(mask: Uint8Array): FileSection {
    const ranges: [number, number][] = [];
    let count = 0;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      count++;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === this.offsets[i]) last[1] = this.ends[i];
      else ranges.push([this.offsets[i], this.ends[i]]);
    }
    return {
      count,
      write: (update) => {
        for (const [from, to] of ranges) update(this.buffer.subarray(from, to));
      },
    };
  }

  /** The files marked in `mask`, for `cigen explain` and `--json`. */
  list(mask: Uint8Array): FileInput[] {
    const out: FileInput[] = [];
    for (let i = 0; i < mask.length; i++) if (mask[i]) out.push([this.paths[i], this.modes[i], this.blobs[i]!]);
    return out;
  }
}
