import { computeSavings, DEFAULT_SAVINGS_COMMITS, hasErrors, type Savings } from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";
import { finish, hashingProgress, withSkipProject } from "./with-skip-project";

export interface SavingsFlags {
  commits?: string;
}

/** `cigen savings [--commits N]`: how many job runs signatures would have saved over recent history. */
export async function savingsCommand(ctx: CommandContext, flags: SavingsFlags): Promise<number> {
  const commits = flags.commits === undefined ? DEFAULT_SAVINGS_COMMITS : Number(flags.commits);
  return withSkipProject(ctx, { commits: 0, jobs: [], total: null }, async (project, diagnostics) => {
    const answer = await computeSavings(project, { commits, onProgress: hashingProgress(ctx, "replaying commits") });
    diagnostics.push(...answer.diagnostics);
    const { savings } = answer;
    const document = {
      commits: savings.commits,
      jobs: savings.jobs.map((j) => ({
        job: j.job,
        runs_without: j.runsWithout,
        runs_with: j.runsWith,
        saved: j.saved,
        reason: j.reason ?? null,
      })),
      total: {
        runs_without: savings.total.runsWithout,
        runs_with: savings.total.runsWith,
        saved: savings.total.saved,
      },
    };
    finish(ctx, document, diagnostics, hasErrors(diagnostics) ? undefined : table(savings));
    return exitCodeFor(diagnostics);
  });
}

function table(savings: Savings): string {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const rows = [
    ["job", "runs without", "runs with", "saved"],
    ...savings.jobs.map((j) => [j.job, String(j.runsWithout), String(j.runsWith), percent(j.saved)]),
    ["total", String(savings.total.runsWithout), String(savings.total.runsWith), percent(savings.total.saved)],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return `${savings.commits} commit(s) replayed\n${rows.map(line).join("\n")}\n`;
}
