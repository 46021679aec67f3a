import { create } from "@bufbuild/protobuf";
import { type SignatureRecord, SignatureRecordSchema } from "@cigen/protocol";
import { KitCodes } from "./codes";
import { checkKeyParts } from "./record-key";
import { storeError } from "./store-error";

/** The layout version written into every record; a reader refuses layouts newer than it knows. */
export const RECORD_FORMAT = 1;

/** A record as stored: one JSON object, snake_case keys as in the .proto, readable with `cat`. */
interface StoredRecord {
  format: number;
  job_id: string;
  signature: string;
  recorded_at: string;
  metadata: Record<string, string>;
  /** Kept as the exact string the core sent, so `cigen explain` reads back what it wrote. */
  inputs_json: string;
}

/** Checks a record before it is written; throws a store error for an unusable one. */
export function checkRecord(storeType: string, record: SignatureRecord | undefined): SignatureRecord {
  if (!record) throw storeError(KitCodes.INVALID_REQUEST, `the ${storeType} store was asked to record nothing`, "");
  checkKeyParts(storeType, record.jobId, record.signature);
  if (Number.isNaN(Date.parse(record.recordedAt))) {
    throw storeError(
      KitCodes.INVALID_REQUEST,
      `the ${storeType} store was given recorded_at ${JSON.stringify(record.recordedAt)} for job ${record.jobId}, which is not an RFC 3339 time`,
      "this is a bug in the caller of the store: report it with the command you ran",
    );
  }
  return record;
}

/** The JSON text stored for `record`. */
export function encodeRecord(record: SignatureRecord): string {
  const stored: StoredRecord = {
    format: RECORD_FORMAT,
    job_id: record.jobId,
    signature: record.signature,
    recorded_at: record.recordedAt,
    metadata: Object.fromEntries(Object.entries(record.metadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    inputs_json: record.inputsJson,
  };
  return `${JSON.stringify(stored)}\n`;
}

/**
 * Decodes a stored record found under the key of (`jobId`, `signature`). Anything unexpected (bad
 * JSON, missing fields, another job's or signature's record) is an error, never a found record: a
 * record that cannot be trusted must not make a job skip.
 */
export function decodeRecord(
  storeType: string,
  text: string,
  where: string,
  expected: { jobId: string; signature?: string },
): SignatureRecord {
  let value: Partial<StoredRecord>;
  try {
    value = JSON.parse(text) as Partial<StoredRecord>;
  } catch {
    throw corrupt(storeType, where, "is not valid JSON");
  }
  if (typeof value !== "object" || value === null) throw corrupt(storeType, where, "is not a JSON object");
  if (typeof value.format === "number" && value.format > RECORD_FORMAT) {
    throw storeError(
      KitCodes.NEWER_RECORD_FORMAT,
      `the ${storeType} store's record ${where} has layout ${value.format}; this store reads up to ${RECORD_FORMAT}`,
      "upgrade cigen on this machine to the version that wrote the record",
    );
  }
  const fields = ["job_id", "signature", "recorded_at", "inputs_json"] as const;
  for (const f of fields) if (typeof value[f] !== "string") throw corrupt(storeType, where, `has no string ${f}`);
  if (value.job_id !== expected.jobId) throw corrupt(storeType, where, `belongs to job ${value.job_id}`);
  if (expected.signature !== undefined && value.signature !== expected.signature) {
    throw corrupt(storeType, where, `holds signature ${value.signature}`);
  }
  return create(SignatureRecordSchema, {
    jobId: value.job_id,
    signature: value.signature,
    recordedAt: value.recorded_at,
    metadata: stringMap(value.metadata),
    inputsJson: value.inputs_json,
  });
}

/** Sorts records most recent first (by recorded_at, then signature so ties are deterministic). */
export function newestFirst(records: SignatureRecord[]): SignatureRecord[] {
  return records.sort(
    (a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt) || (a.signature < b.signature ? 1 : -1),
  );
}

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

function corrupt(storeType: string, where: string, what: string): Error {
  return storeError(
    KitCodes.CORRUPT_RECORD,
    `the ${storeType} store's record ${where} ${what} and is not trusted`,
    "delete that record; the next successful run records it again",
  );
}
