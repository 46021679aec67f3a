import type { SignatureRecord } from "@cigen/protocol";
import { decodeRecord, encodeRecord, HISTORY_CAP, jobPrefix, recordKey } from "@cigen/store-dir/kit";
import { withRedis } from "./redis-connection";
import type { RedisSettings } from "./redis-settings";

/**
 * The sorted set of a job's recorded signatures, scored by recorded_at (ms). "history" cannot
 * clash with a record key: those end in a 64-hex signature.
 */
export function historyKey(prefix: string, jobId: string): string {
  return `${jobPrefix(prefix, jobId)}history`;
}

/** The record of (`jobId`, `signature`), or undefined when there is none (or it expired). */
export async function lookupInRedis(
  settings: RedisSettings,
  jobId: string,
  signature: string,
): Promise<SignatureRecord | undefined> {
  const key = recordKey(settings.prefix, jobId, signature);
  const text = await withRedis(settings, (redis) => redis.get(key));
  if (text === null) return undefined;
  return decodeRecord("redis", text, `${key} at ${settings.shownUrl}`, { jobId, signature });
}

/**
 * Stores the record with its TTL and adds it to the job's history, in one MULTI so a reader never
 * sees one without the other; the history is trimmed to the newest HISTORY_CAP entries.
 */
export async function recordInRedis(settings: RedisSettings, record: SignatureRecord): Promise<void> {
  const key = recordKey(settings.prefix, record.jobId, record.signature);
  const history = historyKey(settings.prefix, record.jobId);
  const ttl = settings.ttlSeconds;
  await withRedis(settings, (redis) =>
    redis
      .multi()
      .set(key, encodeRecord(record), { expiration: { type: "EX", value: ttl } })
      .zAdd(history, { score: Date.parse(record.recordedAt), value: record.signature })
      .zRemRangeByRank(history, 0, -(HISTORY_CAP + 1))
      .expire(history, ttl)
      .exec(),
  );
}

/** The job's `limit` most recent records that have not expired, most recent first. */
export async function historyInRedis(
  settings: RedisSettings,
  jobId: string,
  limit: number,
): Promise<SignatureRecord[]> {
  const texts = await withRedis(settings, async (redis) => {
    const signatures = await redis.zRange(historyKey(settings.prefix, jobId), 0, limit - 1, { REV: true });
    if (signatures.length === 0) return [];
    const values = await redis.mGet(signatures.map((s) => recordKey(settings.prefix, jobId, s)));
    return signatures.map((signature, i) => ({ signature, text: values[i] }));
  });
  return texts.flatMap(({ signature, text }) =>
    text === null || text === undefined
      ? []
      : [decodeRecord("redis", text, `${recordKey(settings.prefix, jobId, signature)}`, { jobId, signature })],
  );
}
