import { diagnostic } from "@cigen/plugin-sdk";
import { type Diagnostic, type Job, type Step, StepCondition, type Text } from "@cigen/protocol";
import { homeLinkLines, type JsonObject, relocateHomePaths, uncachablePaths } from "@cigen/provider-kit";
import { CACHE_CONDITION, CACHE_PATH } from "./codes";
import { cacheKeyText } from "./text-syntax";

/** The cache plugin: keyed caches with restore-key prefixes, as cigen's caches are. */
export const CACHE_PLUGIN = "nienbo/cache#v2.4.15";

/** One use of the cache plugin: restore before the command, save after it. */
export interface CacheUseInit {
  id: string;
  key: Text | undefined;
  restoreKeys: Text[];
  paths: string[];
  always?: boolean;
}

/**
 * Buildkite has no keyed cache of its own, so caches go through the cache plugin, whose
 * `pre-command` hook restores the key (or the newest entry starting with a restore key) and whose
 * `post-command` hook saves the key when the command passed. Its backend (agent-local tarball by
 * default, or S3) is set on the agents with BUILDKITE_PLUGIN_CACHE_BACKEND and friends. The
 * plugin runs on the agent, so a job that runs in a container can only cache paths inside the
 * checkout (which the container shares). There a home-relative path (`~/.npm`, as modules cache)
 * is cached as `.cigen/home/<path after ~/>` in the checkout, and the command first links the
 * home path in the container to that folder (see provider-kit's home-caches.ts); other paths
 * outside the checkout (absolute, `..`) get the warning BUILDKITE-008.
 */
export function cachePlugins(job: Job, report: (d: Diagnostic) => void): { plugins: JsonObject[]; links: string[] } {
  const uses: CacheUseInit[] = job.caches.map((c) => ({
    id: c.name,
    key: c.key,
    restoreKeys: c.restoreKeys,
    paths: c.paths,
  }));
  uses.push(...cacheSteps(job, report));
  const plugins = uses.map((use) => {
    checkPaths(job, use, report);
    return {
      [CACHE_PLUGIN]: {
        id: use.id,
        key: cacheKeyText(use.key, job),
        ...(use.restoreKeys.length ? { "restore-keys": use.restoreKeys.map((k) => cacheKeyText(k, job)) } : {}),
        paths: job.image ? relocateHomePaths(use.paths) : use.paths,
        ...(use.always ? { always: true } : {}),
      },
    };
  });
  const links = job.image
    ? homeLinkLines(
        uses.flatMap((u) => u.paths),
        CONTAINER_CHECKOUT,
      )
    : [];
  return { plugins, links };
}

/**
 * The checkout as the container sees it: the command starts in it (the docker plugin mounts the
 * checkout as its working directory, the compose service has it at /workdir).
 */
const CONTAINER_CHECKOUT = '"$PWD"';

/**
 * Explicit restore_cache / save_cache steps become cache plugin uses too: a restore and a save
 * of the same key are one use; the plugin restores before all steps and saves after all of them.
 */
function cacheSteps(job: Job, report: (d: Diagnostic) => void): CacheUseInit[] {
  const uses = new Map<string, CacheUseInit>();
  job.steps.forEach((step, i) => {
    const kind = step.kind;
    if (kind.case !== "restoreCache" && kind.case !== "saveCache") return;
    const rendered = cacheKeyText(kind.value.key, job);
    const use = uses.get(rendered) ?? { id: `step-${i + 1}`, key: kind.value.key, restoreKeys: [], paths: [] };
    uses.set(rendered, use);
    if (kind.case === "restoreCache") {
      use.restoreKeys = kind.value.restoreKeys;
      use.paths = [...new Set([...use.paths, ...kind.value.paths])];
    } else {
      use.paths = [...new Set([...use.paths, ...kind.value.paths])];
      if (step.condition === StepCondition.ALWAYS) use.always = true;
      if (step.condition === StepCondition.FAILURE) report(failureOnly(job, step));
    }
  });
  return [...uses.values()];
}

function failureOnly(job: Job, step: Step): Diagnostic {
  return diagnostic({
    code: CACHE_CONDITION,
    message: `job "${job.id}": save_cache with if: failure cannot be expressed on buildkite; the cache plugin saves on success (or always)`,
    hint: "use if: always on the save_cache step, or drop it",
    loc: step.loc ?? job.loc,
  });
}

function checkPaths(job: Job, use: CacheUseInit, report: (d: Diagnostic) => void): void {
  if (!job.image) return;
  const outside = uncachablePaths(use.paths);
  if (outside.length === 0) return;
  report(
    diagnostic({
      severity: "warning",
      code: CACHE_PATH,
      message: `job "${job.id}": cache "${use.id}" paths ${outside.join(", ")} are outside the checkout; on buildkite the cache plugin runs on the agent, not in the job's container, so they are not cached`,
      hint: "point the tool's cache directory inside the checkout (for example npm_config_cache=.npm) and cache that path, or use a path under ~/, which cigen relocates into the checkout",
      loc: job.loc,
    }),
  );
}
