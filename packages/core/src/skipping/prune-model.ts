import { clone } from "@bufbuild/protobuf";
import { type Model, ModelSchema } from "@cigen/protocol";

/** The pruned model and what pruning did. */
export interface PrunedModel {
  model: Model;
  /** Job variants left out (their signature is recorded), in model order. */
  removed: string[];
  /** Recorded jobs put back because a remaining job consumes their artifacts, in model order. */
  restored: string[];
}

/**
 * Leaves out of `model` the jobs whose own signature is recorded (`recorded`: variant ids). A
 * job is never removed because its upstream was: a dependant stays unless its own signature is
 * recorded too, and its `needs` on removed jobs are dropped. A removed job whose artifacts a
 * remaining job consumes is put back (an artifact cannot be downloaded from a run that did not
 * happen), and so on until nothing changes. Workflows left without jobs are dropped. Pure: the
 * input model is not changed.
 */
export function pruneModel(model: Model, recorded: ReadonlySet<string>): PrunedModel {
  const removed = new Set(model.jobs.filter((job) => recorded.has(job.id)).map((job) => job.id));
  const restored = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const job of model.jobs) {
      if (removed.has(job.id)) continue;
      for (const input of job.artifactInputs) {
        if (!removed.has(input.fromJob)) continue;
        removed.delete(input.fromJob);
        restored.add(input.fromJob);
        changed = true;
      }
    }
  }
  const pruned = clone(ModelSchema, model);
  pruned.jobs = pruned.jobs.filter((job) => !removed.has(job.id));
  for (const job of pruned.jobs) {
    job.needs = job.needs.filter((id) => !removed.has(id));
    job.needsAny = job.needsAny.filter((id) => !removed.has(id));
  }
  const used = new Set(pruned.jobs.map((job) => job.workflow));
  pruned.workflows = pruned.workflows.filter((workflow) => used.has(workflow.id));
  const order = (ids: Set<string>) => model.jobs.map((job) => job.id).filter((id) => ids.has(id));
  return { model: pruned, removed: order(removed), restored: order(restored) };
}
