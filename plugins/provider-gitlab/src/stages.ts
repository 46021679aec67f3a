/**
 * `stages` from the depth of each job in the dependency graph. `needs` alone decides when a job
 * starts; stages only have to be consistent with it (GitLab rejects a need on a later stage), and
 * one stage per depth level also makes the pipeline graph read left to right like the DAG.
 */
import type { NeedEntry } from "./dependencies";

/** The stage name of a depth level (1-based). */
export function stageName(level: number): string {
  return `stage-${level}`;
}

/** Depth level per job (roots are 1), over the planned `needs` of jobs and gates. */
export function stageLevels(needs: Map<string, NeedEntry[]>): Map<string, number> {
  const levels = new Map<string, number>();
  const visit = (id: string): number => {
    const known = levels.get(id);
    if (known !== undefined) return known;
    levels.set(id, 1); // guards against a cycle, which the core has already refused
    let level = 1;
    for (const need of needs.get(id) ?? []) level = Math.max(level, visit(need.job) + 1);
    levels.set(id, level);
    return level;
  };
  for (const id of needs.keys()) visit(id);
  return levels;
}

/** The `stages:` list: one per level in use, in order. */
export function stageList(levels: Map<string, number>): string[] {
  const max = Math.max(1, ...levels.values());
  return Array.from({ length: max }, (_, i) => stageName(i + 1));
}
