import { KitCodes } from "./codes";
import { storeError } from "./store-error";

const SIGNATURE = /^[0-9a-f]{64}$/;

/**
 * The key of one record, the same in every bundled store: `<prefix><job>/<signature>`. The job id
 * is percent-encoded so that no job id can reach outside its own folder (`/`, `..`) or another
 * job's keys; variant ids (`[A-Za-z0-9_-]`) are left as they are, so keys stay readable.
 */
export function recordKey(prefix: string, jobId: string, signature: string): string {
  return `${jobPrefix(prefix, jobId)}${signature}`;
}

/** The common start of every key of one job: `<prefix><job>/`. */
export function jobPrefix(prefix: string, jobId: string): string {
  return `${prefix}${encodeJobId(jobId)}/`;
}

/** `job` as one safe path segment: percent-encoded, with `.` and `..` made explicit. */
export function encodeJobId(jobId: string): string {
  const encoded = encodeURIComponent(jobId).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return encoded === "." || encoded === ".." ? encoded.replace(/\./g, "%2E") : encoded;
}

/** True for a string that can be a signature: 64 lowercase hex characters. */
export function isSignature(value: string): boolean {
  return SIGNATURE.test(value);
}

/** Throws a store error unless `jobId` is non-empty and `signature` is 64 lowercase hex characters. */
export function checkKeyParts(storeType: string, jobId: string, signature?: string): void {
  if (jobId === "") {
    throw storeError(KitCodes.INVALID_REQUEST, `the ${storeType} store was asked about an empty job id`, bug());
  }
  if (signature !== undefined && !isSignature(signature)) {
    throw storeError(
      KitCodes.INVALID_REQUEST,
      `the ${storeType} store was given the signature ${JSON.stringify(signature)} for job ${jobId}, which is not 64 lowercase hex characters`,
      bug(),
    );
  }
}

function bug(): string {
  return "this is a bug in the caller of the store (cigen or a plugin): report it with the command you ran";
}
