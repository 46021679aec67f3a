import type { Diagnostic } from "../diagnostics/diagnostic";
import { type ReplayResult, replayHistory } from "../signatures";
import { signatureJobOf } from "./signature-inputs";
import type { SkipProject } from "./skip-project";

/** What `cigen savings` reports. */
export interface Savings {
  /** Commits replayed. */
  commits: number;
  jobs: ReplayResult[];
  /** Over every job variant: runs without cigen, with it, and the share saved (0..1). */
  total: { runsWithout: number; runsWith: number; saved: number };
}

/** The default number of commits `cigen savings` replays. */
export const DEFAULT_SAVINGS_COMMITS = 100;

/**
 * `cigen savings`: replays the last `commits` first-parent commits and counts how many job runs
 * signatures would have saved (the best case: every run succeeded and was recorded). Uses the
 * current job definitions; env values and module versions of old commits are not known.
 */
export async function computeSavings(
  project: SkipProject,
  options: { commits?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ savings: Savings; diagnostics: Diagnostic[] }> {
  const replay = await replayHistory(project.repoRoot, project.jobs.map(signatureJobOf), {
    commits: options.commits ?? DEFAULT_SAVINGS_COMMITS,
    groups: project.groups,
    onProgress: options.onProgress,
  });
  const runsWithout = replay.results.reduce((n, r) => n + r.runsWithout, 0);
  const runsWith = replay.results.reduce((n, r) => n + r.runsWith, 0);
  const saved = runsWithout === 0 ? 0 : (runsWithout - runsWith) / runsWithout;
  return {
    savings: { commits: replay.commits, jobs: replay.results, total: { runsWithout, runsWith, saved } },
    diagnostics: replay.diagnostics,
  };
}
