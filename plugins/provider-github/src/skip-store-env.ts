import type { Job } from "@cigen/protocol";
import { readProviderConfig } from "@cigen/provider-kit";

/**
 * The environment a cigen store needs inside a GitHub job, read from repository secrets of the same
 * names: skip_store names variables (url_env, endpoint_env), never values. A secret that does not
 * exist expands to an empty string, which the store reports, and the job then runs (never skip
 * on doubt). dir stores need nothing; other store plugins get their variables through
 * provider_config.
 */
export function storeEnv(job: Job): [string, string][] {
  const store = job.skip?.store;
  // Store settings that are not a JSON object name no variables: the store reports them itself.
  const settings = readProviderConfig(store?.settingsJson ?? "") ?? {};
  const names: string[] = [];
  if (store?.type === "redis") names.push(stringOr(settings.url_env, "CIGEN_REDIS_URL"));
  if (store?.type === "s3") {
    names.push("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    if (typeof settings.endpoint_env === "string") names.push(settings.endpoint_env);
  }
  return names.map((name) => [name, `\${{ secrets.${name} }}`]);
}

/** The store environment of several jobs, each variable once, in first-seen order. */
export function storesEnv(jobs: Job[]): [string, string][] {
  return [...new Map(jobs.flatMap(storeEnv)).entries()];
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value ? value : fallback;
}
