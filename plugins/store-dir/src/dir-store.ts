import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { SignatureRecord } from "@cigen/protocol";
import { DirCodes } from "./codes";
import type { DirLocation } from "./dir-location";
import {
  decodeRecord,
  encodeRecord,
  isSignature,
  jobPrefix,
  newestCandidates,
  newestFirst,
  recordKey,
  storeError,
} from "./kit";
import { writeAtomically } from "./write-atomically";

/** The record of (`jobId`, `signature`), or undefined when there is none. */
export async function lookupInDir(
  at: DirLocation,
  jobId: string,
  signature: string,
): Promise<SignatureRecord | undefined> {
  const file = join(at.root, recordKey(at.prefix, jobId, signature));
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if (errno(e) === "ENOENT") return undefined;
    throw unusable(at, "read", e);
  }
  return decodeRecord("dir", text, file, { jobId, signature });
}

/** Writes one record file, atomically. */
export async function recordInDir(at: DirLocation, record: SignatureRecord): Promise<void> {
  const file = join(at.root, recordKey(at.prefix, record.jobId, record.signature));
  try {
    await writeAtomically(file, encodeRecord(record), new Date(record.recordedAt));
  } catch (e) {
    throw unusable(at, "write", e);
  }
}

/**
 * The job's `limit` most recent records. Every record file's modification time is set to its
 * recorded_at, so the listing's mtimes choose which files to read (only about `limit` of them)
 * before they are ordered by recorded_at. A record that does not decode fails the call: `explain`
 * must not silently compare against the wrong run.
 */
export async function historyInDir(at: DirLocation, jobId: string, limit: number): Promise<SignatureRecord[]> {
  const dir = join(at.root, jobPrefix(at.prefix, jobId));
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isSignature);
  } catch (e) {
    if (errno(e) === "ENOENT") return [];
    throw unusable(at, "read", e);
  }
  const dated = await Promise.all(
    names.map(async (name) => ({
      name,
      time: await stat(join(dir, name)).then(
        (s) => s.mtimeMs,
        () => -1,
      ),
    })),
  );
  const chosen = newestCandidates(
    dated.filter((d) => d.time >= 0),
    limit,
  );
  const records = await Promise.all(chosen.map((d) => lookupInDir(at, jobId, d.name)));
  return newestFirst(records.filter((r): r is SignatureRecord => r !== undefined)).slice(0, limit);
}

function unusable(at: DirLocation, action: "read" | "write", e: unknown): Error {
  const reason = errno(e) ?? "";
  const hint =
    reason === "EACCES" || reason === "EPERM" || reason === "EROFS"
      ? `give the user running cigen permission to ${action} ${at.root}, or point skip_store.path elsewhere`
      : `make ${at.root} a writable folder (no file in its place), or point skip_store.path elsewhere`;
  return storeError(
    DirCodes.UNUSABLE_PATH,
    `the dir signature store cannot ${action} its folder ${at.root} (skip_store.path): ${(e as Error).message}`,
    hint,
  );
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}
