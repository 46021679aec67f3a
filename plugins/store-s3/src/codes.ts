/**
 * Codes of the problems the s3 store reports, sorted. Stable: users search for them, so a retired
 * code is never reused for a different problem. Problems every store shares are STORE-0xx
 * (@cigen/store-dir/kit).
 */
export const S3Codes = {
  /** skip_store has no `bucket`. */
  BUCKET_MISSING: "STORE-S3-001",
  /** endpoint_env names a variable that is not set (or holds no URL). */
  ENDPOINT_MISSING: "STORE-S3-002",
  /** No region in the settings or the AWS variables. */
  REGION_MISSING: "STORE-S3-003",
  /** The AWS SDK found no credentials in the environment. */
  NO_CREDENTIALS: "STORE-S3-004",
  /** The server rejected the credentials or denied access to the bucket. */
  ACCESS_DENIED: "STORE-S3-005",
  /** The bucket does not exist. */
  NO_SUCH_BUCKET: "STORE-S3-006",
  /** The server could not be reached (refused, unknown host, timeout). */
  UNREACHABLE: "STORE-S3-007",
  /** Any other failed request. */
  REQUEST_FAILED: "STORE-S3-008",
} as const;
