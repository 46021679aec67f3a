/** One output file as the pipeline produced it, before it is written. */
export interface RenderedFile {
  /** Repository-relative path with forward slashes. */
  path: string;
  content: string;
  /** The provider (target) that produced it. */
  provider: string;
}

/** How a rendered file compares with what is on disk. */
export type FileStatus = "added" | "changed" | "unchanged";
