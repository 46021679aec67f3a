import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ComparedFile } from "./compare-files";

/**
 * Writes every added or changed file, all or nothing as far as the file system allows: each file
 * is first written in full to a temporary sibling, and only when all of them are on disk are they
 * renamed over their targets (rename is atomic within a directory). A failure before the renames
 * removes the temporaries and leaves every target untouched.
 */
export async function writeFilesAtomically(baseDir: string, files: readonly ComparedFile[]): Promise<void> {
  const pending = files.filter((f) => f.status !== "unchanged");
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of pending) {
      const target = join(baseDir, file.path);
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.cigen-${process.pid}-${staged.length}.tmp`;
      staged.push({ temp, target });
      await writeFile(temp, file.content, "utf8");
    }
  } catch (e) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw e;
  }
  for (const { temp, target } of staged) await rename(temp, target);
}
