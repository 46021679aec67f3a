/**
 * Checkout options as the GitLab runner's Git variables. cigen's default is a shallow clone of
 * depth 1 without submodules or LFS files; the runner's defaults differ (depth from the project
 * setting, LFS files fetched when git-lfs is installed), so every value is written explicitly.
 */
import type { Job } from "@cigen/protocol";

/** Runner variables for the job's checkout, in a stable order. */
export function checkoutVariables(job: Job): [string, string][] {
  const checkout = job.checkout ?? { enabled: true, depth: 1, submodules: false, lfs: false };
  if (!checkout.enabled) return [["GIT_STRATEGY", "none"]];
  const out: [string, string][] = [["GIT_DEPTH", String(checkout.depth)]];
  if (checkout.submodules) out.push(["GIT_SUBMODULE_STRATEGY", "recursive"]);
  if (!checkout.lfs) out.push(["GIT_LFS_SKIP_SMUDGE", "1"]);
  return out;
}
