import { create } from "@bufbuild/protobuf";
import { type Artifact, ArtifactInputSchema, ArtifactSchema, type Job } from "@cigen/protocol";
import type { JobConfig } from "../config/config-types";
import { parseDurationHours } from "../config/parse-duration";
import type { JobContext } from "./job-context";

/** A job's artifacts, named `<variant id>-<n>` (n from 1, in cigen.yml order). */
export function buildArtifacts(ctx: JobContext, job: JobConfig, baseId: string, variantId: string): Artifact[] {
  return (job.artifacts ?? []).map((item, i) => {
    const entry = typeof item === "string" ? { path: item } : item;
    const pathAt =
      typeof item === "string" ? ["jobs", baseId, "artifacts", i] : ["jobs", baseId, "artifacts", i, "path"];
    return create(ArtifactSchema, {
      path: ctx.string(pathAt, entry.path, "an artifact path"),
      retentionHours: entry.retention === undefined ? 0 : (parseDurationHours(entry.retention) ?? 0),
      name: `${variantId}-${i + 1}`,
    });
  });
}

/**
 * Gives every job the artifacts of all jobs upstream of it (through needs and needs_any, direct
 * or transitive), upstream jobs in model order. Mutates the jobs' artifactInputs.
 */
export function linkArtifactInputs(jobs: Job[]): void {
  // Without artifacts every job's inputs stay empty, and walking each job's ancestors to find
  // none was ~50 ms of the 1000-job bench's model build (cold CPU, --cpu-prof).
  if (!jobs.some((job) => job.artifacts.length > 0)) {
    for (const job of jobs) job.artifactInputs = [];
    return;
  }
  const byId = new Map(jobs.map((job) => [job.id, job]));
  const order = new Map(jobs.map((job, i) => [job.id, i]));
  for (const job of jobs) {
    const upstream = new Set<string>();
    const queue = [...job.needs, ...job.needsAny];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (upstream.has(id) || !byId.has(id)) continue;
      upstream.add(id);
      queue.push(...byId.get(id)!.needs, ...byId.get(id)!.needsAny);
    }
    job.artifactInputs = [...upstream]
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .flatMap((id) =>
        byId.get(id)!.artifacts.map((artifact) => create(ArtifactInputSchema, { fromJob: id, artifact })),
      );
  }
}
