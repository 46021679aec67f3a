import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { FileStatus, RenderedFile } from "./rendered-file";

/** A rendered file and how it differs from the file on disk. */
export interface ComparedFile extends RenderedFile {
  status: FileStatus;
  /** What is on disk now; undefined when the file does not exist. */
  current?: string;
}

/** Reads what is on disk under `baseDir` for each file and classifies it. */
export async function compareFiles(baseDir: string, files: readonly RenderedFile[]): Promise<ComparedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const current = await readFile(join(baseDir, file.path), "utf8").catch(() => undefined);
      const status: FileStatus = current === undefined ? "added" : current === file.content ? "unchanged" : "changed";
      return { ...file, status, current };
    }),
  );
}

/** A unified diff from the file on disk to the rendered file (git-style a/ b/ names). */
export function unifiedDiff(file: ComparedFile): string {
  return createTwoFilesPatch(
    file.current === undefined ? "/dev/null" : `a/${file.path}`,
    `b/${file.path}`,
    file.current ?? "",
    file.content,
    undefined,
    undefined,
    { context: 3 },
  );
}
