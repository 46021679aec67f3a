import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `text` to `file` so that a reader sees the old content or the new one, never a part: a
 * temporary file beside it (same filesystem, so the rename is atomic), flushed, then renamed over.
 * Concurrent writers of the same file each rename a complete file; the last one wins. `modified`
 * sets the file's modification time (the dir store's history orders files by it).
 */
export async function writeAtomically(file: string, text: string, modified?: Date): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(text, "utf8");
      // A crash right after the rename must not leave an empty record that a later run trusts.
      await handle.datasync();
      if (modified) await handle.utimes(modified, modified);
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
