/**
 * The variables a store plugin receives on top of the scrubbed plugin environment. Credentials
 * come from the environment, never from cigen.yml, but the config names which variables: every
 * `*_env` setting (url_env, endpoint_env, or a custom store's token_env) passes the variable it
 * names. The s3 store also gets the AWS SDK's standard variables, which its client reads itself.
 */

/** The redis store's url_env when the config names none. */
export const DEFAULT_REDIS_URL_ENV = "CIGEN_REDIS_URL";

const AWS_SDK_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_PROFILE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_ROLE_ARN",
  "AWS_ROLE_SESSION_NAME",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_AUTHORIZATION_TOKEN",
  "AWS_EC2_METADATA_DISABLED",
  "AWS_STS_REGIONAL_ENDPOINTS",
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_S3",
];

/** The names of the variables the store of `type` with `settings` may read. */
export function storeVariableNames(type: string, settings: Record<string, unknown>): string[] {
  const names = Object.entries(settings)
    .filter(([key, value]) => key.endsWith("_env") && typeof value === "string" && value !== "")
    .map(([, value]) => value as string);
  if (type === "redis" && settings.url_env === undefined) names.push(DEFAULT_REDIS_URL_ENV);
  if (type === "s3") names.push(...AWS_SDK_VARIABLES);
  return [...new Set(names)].sort();
}

/** The values of `names` that are set in `source`. */
export function pickVariables(source: NodeJS.ProcessEnv, names: readonly string[]): NodeJS.ProcessEnv {
  const picked: NodeJS.ProcessEnv = {};
  for (const name of names) if (source[name] !== undefined) picked[name] = source[name];
  return picked;
}
