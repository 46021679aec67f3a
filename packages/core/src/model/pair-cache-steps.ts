import { toBinary } from "@bufbuild/protobuf";
import { type Step, type Text, TextSchema } from "@cigen/protocol";

/**
 * A `restore_cache` step may leave out `paths` (the spec's form is `{key, restore_keys}`), but
 * several providers (GitHub's actions/cache/restore among them) must name what they restore. The
 * paths are those of the job's `save_cache` step with the same key: the pair describes one cache.
 * Steps are returned unchanged when no such pair exists; providers that need paths say so.
 */
export function pairCacheSteps(steps: Step[]): Step[] {
  const savedPaths = new Map<string, string[]>();
  for (const step of steps) {
    if (step.kind.case === "saveCache" && step.kind.value.key) {
      savedPaths.set(keyOf(step.kind.value.key), step.kind.value.paths);
    }
  }
  for (const step of steps) {
    if (step.kind.case !== "restoreCache" || step.kind.value.paths.length || !step.kind.value.key) continue;
    const paths = savedPaths.get(keyOf(step.kind.value.key));
    if (paths) step.kind.value.paths = [...paths];
  }
  return steps;
}

/** Two keys are the same cache when their Text is identical, runtime parts included. */
function keyOf(text: Text): string {
  return Buffer.from(toBinary(TextSchema, text)).toString("base64");
}
