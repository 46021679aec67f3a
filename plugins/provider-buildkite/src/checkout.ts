import type { Job } from "@cigen/protocol";

/** How the agent checks a job out: job env for the agent's checkout, and commands after it. */
export interface CheckoutPlan {
  env: [string, string][];
  commands: string[];
}

/**
 * The agent checks out before the command, steered by job env: BUILDKITE_SKIP_CHECKOUT for
 * `checkout: false`, clone and fetch flags with `--depth` for a shallow clone (the agent clones
 * the full history by default), BUILDKITE_GIT_SUBMODULES (on by default on Buildkite, off by
 * default in cigen). Git LFS objects are pulled by a command after the checkout.
 */
export function planCheckout(job: Job): CheckoutPlan {
  const checkout = job.checkout ?? { enabled: true, depth: 1, submodules: false, lfs: false };
  if (!checkout.enabled) return { env: [["BUILDKITE_SKIP_CHECKOUT", "true"]], commands: [] };
  const env: [string, string][] = [];
  if (checkout.depth > 0) {
    env.push(["BUILDKITE_GIT_CLONE_FLAGS", `-v --depth=${checkout.depth}`]);
    env.push(["BUILDKITE_GIT_FETCH_FLAGS", `-v --prune --depth=${checkout.depth}`]);
  }
  env.push(["BUILDKITE_GIT_SUBMODULES", checkout.submodules ? "true" : "false"]);
  const commands = checkout.lfs ? ["git lfs install --local", "git lfs pull"] : [];
  return { env, commands };
}
