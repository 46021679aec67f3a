import type { SignatureRecord } from "@cigen/protocol";
import {
  decodeRecord,
  encodeRecord,
  isSignature,
  jobPrefix,
  newestCandidates,
  newestFirst,
  recordKey,
} from "@cigen/store-dir/kit";
import { isNotFound, s3Error, s3For } from "./s3-client";
import type { S3Settings } from "./s3-settings";

/**
 * LastModified has 1 s precision and is the time the PUT landed, which can trail recorded_at by the
 * length of the upload: objects this close to the last one chosen are read too.
 */
const LAST_MODIFIED_MARGIN_MS = 60_000;

/** The record of (`jobId`, `signature`), or undefined when there is none. */
export async function lookupInS3(
  settings: S3Settings,
  jobId: string,
  signature: string,
): Promise<SignatureRecord | undefined> {
  const key = recordKey(settings.prefix, jobId, signature);
  const text = await getText(settings, key);
  if (text === undefined) return undefined;
  return decodeRecord("s3", text, `s3://${settings.bucket}/${key}`, { jobId, signature });
}

/** Writes one object per record (a PUT replaces an object atomically). */
export async function recordInS3(settings: S3Settings, record: SignatureRecord): Promise<void> {
  const key = recordKey(settings.prefix, record.jobId, record.signature);
  try {
    const { sdk, client } = await s3For(settings);
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: settings.bucket,
        Key: key,
        Body: encodeRecord(record),
        ContentType: "application/json",
      }),
    );
  } catch (e) {
    throw s3Error(settings, e);
  }
}

/**
 * The job's `limit` most recent records: the keys under `<prefix><job>/` are listed (1,000 per
 * request), the newest by LastModified are read (see newestCandidates) and ordered by recorded_at. No index object
 * is kept: S3 has no atomic read-modify-write, so concurrent recorders would lose each other's
 * entries, while a listing is always complete. History is only read by `cigen explain`.
 */
export async function historyInS3(settings: S3Settings, jobId: string, limit: number): Promise<SignatureRecord[]> {
  const chosen = newestCandidates(await listJob(settings, jobId), limit, LAST_MODIFIED_MARGIN_MS);
  const records = await Promise.all(chosen.map((o) => lookupInS3(settings, jobId, o.signature)));
  return newestFirst(records.filter((r): r is SignatureRecord => r !== undefined)).slice(0, limit);
}

async function listJob(settings: S3Settings, jobId: string): Promise<{ signature: string; time: number }[]> {
  const prefix = jobPrefix(settings.prefix, jobId);
  const found: { signature: string; time: number }[] = [];
  let token: string | undefined;
  try {
    const { sdk, client } = await s3For(settings);
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({ Bucket: settings.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        const signature = (object.Key ?? "").slice(prefix.length);
        if (isSignature(signature)) found.push({ signature, time: object.LastModified?.getTime() ?? 0 });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } catch (e) {
    throw s3Error(settings, e);
  }
  return found;
}

async function getText(settings: S3Settings, key: string): Promise<string | undefined> {
  try {
    const { sdk, client } = await s3For(settings);
    const object = await client.send(new sdk.GetObjectCommand({ Bucket: settings.bucket, Key: key }));
    return await object.Body?.transformToString("utf8");
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw s3Error(settings, e);
  }
}
