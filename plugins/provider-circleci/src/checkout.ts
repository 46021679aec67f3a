import type { Job } from "@cigen/protocol";
import type { JsonObject } from "@cigen/provider-kit";

/**
 * The checkout steps: CircleCI's `checkout` (shallow with the asked depth, full for depth 0),
 * then submodules and Git LFS, which `checkout` does not fetch, as run steps. A job with
 * checkout disabled gets none. A job without a checkout setting gets the default: shallow, depth 1.
 */
export function translateCheckout(job: Job): JsonObject[] {
  const checkout = job.checkout ?? { enabled: true, depth: 1, submodules: false, lfs: false };
  if (!checkout.enabled) return [];
  const steps: JsonObject[] = [
    checkout.depth === 0
      ? { checkout: { method: "full" } }
      : { checkout: { method: "shallow", depth: checkout.depth } },
  ];
  if (checkout.submodules) {
    const depth = checkout.depth === 0 ? "" : ` --depth ${checkout.depth}`;
    steps.push({
      run: {
        name: "Check out submodules",
        command: `git submodule sync --recursive\ngit submodule update --init --recursive${depth}`,
      },
    });
  }
  if (checkout.lfs) {
    steps.push({ run: { name: "Fetch Git LFS objects", command: "git lfs install --local\ngit lfs pull" } });
  }
  return steps;
}
