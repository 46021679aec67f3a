/**
 * Checkout options. Declarative Jenkins checks out with the job's SCM settings on every agent; cigen
 * wants a shallow clone of depth 1 by default, so each stage skips the default checkout and checks
 * out `scm` itself with the git plugin's clone, submodule and LFS extensions.
 */
import type { Job } from "@cigen/protocol";

/** The stage `options` entry for checkouts cigen does itself (always, to control depth). */
export const SKIP_DEFAULT_CHECKOUT = "skipDefaultCheckout()";

/** The checkout step for the job, or undefined when checkout is off. */
export function checkoutStep(job: Job): string | undefined {
  const checkout = job.checkout ?? { enabled: true, depth: 1, submodules: false, lfs: false };
  if (!checkout.enabled) return undefined;
  const extensions: string[] = [];
  if (checkout.depth > 0) {
    extensions.push(`cloneOption(shallow: true, depth: ${checkout.depth}, noTags: false, reference: '', timeout: 10)`);
  }
  if (checkout.submodules) {
    extensions.push(
      "submodule(disableSubmodules: false, recursiveSubmodules: true, trackingSubmodules: false, parentCredentials: true, reference: '', timeout: 10)",
    );
  }
  if (checkout.lfs) extensions.push("[$class: 'GitLFSPull']");
  return `checkout scmGit(branches: scm.branches, userRemoteConfigs: scm.userRemoteConfigs, extensions: [${extensions.join(", ")}])`;
}
