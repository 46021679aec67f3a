import type { SkipStore } from "@cigen/protocol";
import { parseSettings, redactUrl, storeError, stringSetting } from "@cigen/store-dir/kit";
import { S3Codes } from "./codes";

/** An s3 store's resolved settings (credentials are not here: the AWS SDK reads them itself). */
export interface S3Settings {
  bucket: string;
  prefix: string;
  /** From skip_store.region, else AWS_REGION / AWS_DEFAULT_REGION, else undefined. */
  region: string | undefined;
  /** A custom endpoint (S3-compatible servers), read from the variable endpoint_env names. */
  endpoint: string | undefined;
  endpointEnv: string | undefined;
}

/** Reads bucket, prefix, region and endpoint_env (then the endpoint from the environment). */
export function s3Settings(store: SkipStore | undefined, env: NodeJS.ProcessEnv): S3Settings {
  const settings = parseSettings(store, "s3");
  const bucket = stringSetting(settings, "bucket", "s3");
  if (!bucket) {
    throw storeError(
      S3Codes.BUCKET_MISSING,
      "the s3 signature store has no skip_store.bucket",
      "add the bucket that keeps the signatures, e.g. skip_store: { type: s3, bucket: ci-signatures, prefix: myrepo/ }",
    );
  }
  const endpointEnv = stringSetting(settings, "endpoint_env", "s3");
  const endpoint = endpointEnv ? env[endpointEnv] : undefined;
  if (endpointEnv && !endpoint) {
    throw storeError(
      S3Codes.ENDPOINT_MISSING,
      `the s3 signature store reads its endpoint from ${endpointEnv} (skip_store.endpoint_env), which is not set`,
      `set ${endpointEnv} to the server's URL (e.g. http://minio.internal:9000), or remove skip_store.endpoint_env to use AWS S3`,
    );
  }
  if (endpoint && redactUrl(endpoint) === "<not a URL>") {
    throw storeError(
      S3Codes.ENDPOINT_MISSING,
      `the s3 signature store's ${endpointEnv} (skip_store.endpoint_env) does not hold a URL`,
      `set ${endpointEnv} to the server's URL, e.g. http://minio.internal:9000`,
    );
  }
  return {
    bucket,
    prefix: stringSetting(settings, "prefix", "s3") ?? "",
    region: stringSetting(settings, "region", "s3") ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined),
    endpoint,
    endpointEnv,
  };
}
