import type { S3Client } from "@aws-sdk/client-s3";
import { storeError } from "@cigen/store-dir/kit";
import { S3Codes } from "./codes";
import type { S3Settings } from "./s3-settings";

/** S3-compatible servers rarely care about the region, but the SDK signs requests with one. */
const COMPATIBLE_DEFAULT_REGION = "us-east-1";

/** The AWS SDK, loaded on first use: it is most of the plugin, and the handshake need not wait for it. */
export type S3Sdk = typeof import("@aws-sdk/client-s3");
let sdk: Promise<S3Sdk> | undefined;

/** One client per (region, endpoint) for the plugin's life: it keeps connections alive. */
const clients = new Map<string, S3Client>();

/** The SDK and the client for the store's bucket. Throws a store error when no region can be found. */
export async function s3For(settings: S3Settings): Promise<{ sdk: S3Sdk; client: S3Client }> {
  const region = settings.region ?? (settings.endpoint ? COMPATIBLE_DEFAULT_REGION : undefined);
  if (!region) {
    throw storeError(
      S3Codes.REGION_MISSING,
      `the s3 signature store does not know the region of bucket ${settings.bucket}`,
      "add skip_store.region (e.g. region: eu-west-1), or set AWS_REGION in this job's environment",
    );
  }
  sdk ??= import("@aws-sdk/client-s3");
  const loaded = await sdk;
  const id = `${region} ${settings.endpoint ?? ""}`;
  let client = clients.get(id);
  if (!client) {
    client = new loaded.S3Client({
      region,
      endpoint: settings.endpoint,
      // Custom endpoints (MinIO, Ceph, s3rver...) rarely have per-bucket DNS names.
      forcePathStyle: settings.endpoint !== undefined,
      // A store that is down must fail the call within seconds (the job then runs).
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000 },
    });
    clients.set(id, client);
  }
  return { sdk: loaded, client };
}

/** True for the SDK's "this key does not exist" answers. */
export function isNotFound(e: unknown): boolean {
  const name = (e as { name?: string } | undefined)?.name;
  const status = (e as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  return name === "NoSuchKey" || name === "NotFound" || (status === 404 && name !== "NoSuchBucket");
}

/** An SDK failure as a store error naming the bucket, the setting at fault and a fix. */
export function s3Error(settings: S3Settings, e: unknown): Error {
  if (e instanceof Error && /^STORE-/.test(e.message)) return e;
  const err = e as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const name = err?.name ?? "";
  const text = err?.message || err?.code || name || String(e);
  const where = `the s3 signature store (bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint} from ${settings.endpointEnv}` : ""})`;
  const status = err?.$metadata?.httpStatusCode;
  if (name === "CredentialsProviderError" || /Could not load credentials/i.test(text)) {
    return storeError(
      S3Codes.NO_CREDENTIALS,
      `${where} found no AWS credentials in cigen's environment: ${text}`,
      "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (CI secrets), or AWS_PROFILE / a web-identity role, in this job's environment",
    );
  }
  if (name === "NoSuchBucket") {
    return storeError(
      S3Codes.NO_SUCH_BUCKET,
      `${where}: the bucket does not exist`,
      "create the bucket, or fix skip_store.bucket (and skip_store.region / endpoint_env) in cigen.yml",
    );
  }
  if (
    status === 403 ||
    /AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch|ExpiredToken|InvalidToken|Forbidden/.test(name)
  ) {
    return storeError(
      S3Codes.ACCESS_DENIED,
      `${where} refused access (${name || status}): ${text}`,
      "check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the role) and that they may s3:GetObject, s3:PutObject and s3:ListBucket on the bucket and prefix",
    );
  }
  if (status === undefined) {
    return storeError(
      S3Codes.UNREACHABLE,
      `${where} cannot be reached: ${text}`,
      settings.endpoint
        ? `check that the server is running and that ${settings.endpointEnv} has the right URL`
        : "check this machine's network access to S3 and skip_store.region",
    );
  }
  return storeError(S3Codes.REQUEST_FAILED, `${where} failed a request (HTTP ${status}, ${name}): ${text}`, "");
}
