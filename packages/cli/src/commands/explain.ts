import { type Explanation, explainJob, hasErrors, shortSignature } from "@cigen/core";
import type { CommandContext } from "../context";
import { exitCodeFor } from "../exit-codes";
import { finish, withSkipProject } from "./with-skip-project";

/**
 * `cigen explain JOB`: the inputs of the job's signature now, and which of them differ from its
 * most recent recorded success.
 */
export async function explainCommand(ctx: CommandContext, job: string): Promise<number> {
  const empty = { job, signature: null, recorded: false, reason: null, last: null, changes: null, inputs: null };
  return withSkipProject(ctx, empty, async (project, diagnostics) => {
    const answer = await explainJob(project, job);
    diagnostics.push(...answer.diagnostics);
    const e = answer.explanation;
    if (!e || hasErrors(diagnostics)) {
      finish(ctx, empty, diagnostics);
      return exitCodeFor(diagnostics);
    }
    finish(ctx, explanationJson(e), diagnostics, explanationText(e));
    return exitCodeFor(diagnostics);
  });
}

function explanationJson(e: Explanation): Record<string, unknown> {
  return {
    job: e.job,
    signature: e.signature ?? null,
    recorded: e.recorded,
    reason: e.reason ?? null,
    last: e.last ? { signature: e.last.signature, recorded_at: e.last.recordedAt, metadata: e.last.metadata } : null,
    changes: e.changes ?? null,
    inputs: e.inputs,
  };
}

function explanationText(e: Explanation): string {
  const lines = [`job ${e.job}`];
  if (e.signature === undefined) lines.push(`no signature: ${e.reason ?? "see the diagnostics"}`);
  else
    lines.push(
      `signature ${e.signature} (${e.recorded ? "recorded: the job may be skipped" : "not recorded: the job runs"})`,
    );
  const { inputs } = e;
  const env = Object.keys(inputs.env);
  const needs = Object.keys(inputs.needs);
  lines.push(
    `inputs: ${inputs.files.length} file(s); env: ${env.join(", ") || "none"}; needs: ${needs.join(", ") || "none"}`,
  );
  if (!e.last) return `${lines.join("\n")}\n`;
  const meta = e.last.metadata;
  lines.push(
    `last recorded success: ${shortSignature(e.last.signature)} by ${meta.commit || "an unknown commit"} on ${meta.branch || "an unknown branch"} at ${e.last.recordedAt}`,
  );
  const c = e.changes;
  if (!c) {
    lines.push("  (that record keeps no inputs to compare)");
    return `${lines.join("\n")}\n`;
  }
  const changed = [
    ...c.files.changed.map((p) => `  file changed: ${p}`),
    ...c.files.added.map((p) => `  file added: ${p}`),
    ...c.files.removed.map((p) => `  file removed: ${p}`),
    ...c.env.map((name) => `  env changed: ${name}`),
    ...c.modules.map((m) => `  module changed: ${m.name} ${m.before || "(none)"} -> ${m.after || "(none)"}`),
    ...c.needs.map((n) => `  upstream changed: ${n.name}`),
    ...(c.definition ? ["  definition changed (the job in cigen.yml)"] : []),
  ];
  lines.push(changed.length ? "changed since:" : "nothing changed since");
  lines.push(...changed);
  return `${lines.join("\n")}\n`;
}
