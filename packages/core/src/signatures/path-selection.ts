/**
 * Which index paths to keep, tested in the index's (sorted) order without decoding any path: the
 * paths below `base` ("" or a directory ending in `/`) that equal or lie below one of `under`.
 * Each selecting path `p` keeps the byte range [p, p\0) (itself) and [p/, p0) (everything below;
 * `0` follows `/` in ASCII). Paths that do not contain one another give disjoint ranges, so one
 * pointer moving forward through the sorted ranges answers each test in a few byte comparisons.
 */
export class PathSelection {
  private readonly ranges: [Buffer, Buffer | undefined][];
  private next = 0;
  /** Bytes of `base`, to strip from selected paths. */
  readonly baseBytes: number;

  constructor(base: string, under?: readonly string[]) {
    this.baseBytes = Buffer.byteLength(base);
    const ranges: [Buffer, Buffer | undefined][] = [];
    if (under === undefined) {
      // Everything below base: [base, base with its final "/" raised to "0").
      const from = Buffer.from(base);
      ranges.push([from, base === "" ? undefined : Buffer.from(`${base.slice(0, -1)}0`)]);
    } else {
      for (const path of outermost(under)) {
        ranges.push([Buffer.from(base + path), Buffer.from(`${base + path}\0`)]);
        ranges.push([Buffer.from(`${base + path}/`), Buffer.from(`${base + path}0`)]);
      }
    }
    this.ranges = ranges.sort((a, b) => Buffer.compare(a[0], b[0]));
  }

  /** Whether `bytes[start, end)` is selected; call with paths in ascending byte order. */
  has(bytes: Buffer, start: number, end: number): boolean {
    const ranges = this.ranges;
    while (this.next < ranges.length) {
      const to = ranges[this.next][1];
      if (to === undefined || compareBytes(bytes, start, end, to) < 0) break;
      this.next++;
    }
    return this.next < ranges.length && compareBytes(bytes, start, end, ranges[this.next][0]) >= 0;
  }
}

/** `under` without duplicates and without paths that lie inside another one of them. */
function outermost(under: readonly string[]): string[] {
  const unique = [...new Set(under)].sort();
  return unique.filter((p) => !unique.some((q) => p.startsWith(`${q}/`)));
}

/** Byte order of `bytes[start, end)` against `key`, as git sorts its index. */
function compareBytes(bytes: Buffer, start: number, end: number, key: Buffer): number {
  const length = Math.min(end - start, key.length);
  for (let i = 0; i < length; i++) {
    const diff = bytes[start + i] - key[i];
    if (diff !== 0) return diff;
  }
  return end - start - key.length;
}
