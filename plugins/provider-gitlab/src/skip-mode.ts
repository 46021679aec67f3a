/**
 * Which skipping wiring a Generate request gets. GitLab restores caches before a job's script, so a
 * job's signature must be known before the job starts:
 *
 * - `native`: every skippable job uses GitLab's cache. A planning job computes the signatures and
 *   hands them to the jobs as dotenv variables, which the runner expands in `cache:key`.
 * - `child`: some job uses a dir/redis/s3 store. A planning job runs `cigen continuation`, which
 *   writes a child pipeline with only the jobs that must run, and a trigger job runs it.
 * - `continuation`: this request *is* that child pipeline (signatures are literal in the model).
 */
import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, GenerateRequest } from "@cigen/protocol";
import { isNativeStore, skipSettings } from "@cigen/provider-kit";
import { SKIP_COMMAND_MISSING } from "./codes";

export type SkipMode = "off" | "native" | "child" | "continuation";

/** The wiring for a request, with how CI gets cigen (`install`, maybe empty) and runs it (`command`). */
export interface GitlabSkip {
  mode: SkipMode;
  command: string;
  install: string;
}

/** Reads the request's flags and model into the wiring to generate. */
export function gitlabSkip(request: GenerateRequest, diagnostics: Diagnostic[]): GitlabSkip {
  const command = request.flags["skip.command"] ?? "";
  const { install } = skipSettings(request);
  const jobs = request.model?.jobs ?? [];
  if (request.flags["skip.mode"] === "continuation")
    return { mode: command ? "continuation" : "off", command, install };
  const skippable = jobs.filter((j) => j.skip);
  if (skippable.length === 0) return { mode: "off", command, install };
  if (!command) {
    diagnostics.push(
      diagnostic({
        severity: "warning",
        code: SKIP_COMMAND_MISSING,
        message: `job "${skippable[0].id}": it has source_files or skip_if, but the core did not say how CI runs cigen (flag skip.command), so the gitlab provider runs it every time`,
        hint: "generate with a cigen CLI that supports job skipping",
        loc: skippable[0].loc,
      }),
    );
    return { mode: "off", command, install };
  }
  return { mode: skippable.every(isNativeStore) ? "native" : "child", command, install };
}
