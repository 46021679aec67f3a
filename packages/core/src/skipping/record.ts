import type { Diagnostic } from "../diagnostics/diagnostic";
import { CIGEN_VERSION } from "../version";
import { type CiEnvironment, detectCi } from "./ci-environment";
import { SkipCodes } from "./codes";
import { gitHead } from "./git-head";
import { checkSignatureFlag, shortSignature } from "./preflight";
import { recordedInputsOf } from "./recorded-inputs";
import type { SkipProject } from "./skip-project";
import { decideRecord } from "./trust";

/** What `cigen record` did. */
export interface RecordOutcome {
  job: string;
  signature?: string;
  recorded: boolean;
  /** Why nothing was recorded (the trust rules, the native store, no signature). */
  notice?: string;
  /** The store type written to. */
  store?: string;
}

export interface RecordOptions {
  /** The signature computed before the job's steps ran (`--signature`); default: computed now. */
  signature?: string;
  /** Default: read from the project's environment. */
  ci?: CiEnvironment;
  /** `cigen run`: a native store becomes the local dir store at `.cigen/signatures`. */
  localNative?: boolean;
}

/**
 * `cigen record --job J`: records a success of J's signature, when the trust rules allow it.
 * Recording nothing is never an error (a missed skip costs one run); a store that fails to write
 * is a warning, so a job whose steps succeeded does not fail because of its bookkeeping.
 */
export async function recordJob(
  project: SkipProject,
  jobId: string,
  options: RecordOptions = {},
): Promise<{ outcome?: RecordOutcome; diagnostics: Diagnostic[] }> {
  const bad = checkSignatureFlag(options.signature);
  if (bad) return { diagnostics: [bad] };
  const { job, diagnostic } = project.job(jobId);
  if (!job) return { diagnostics: [diagnostic!] };
  const diagnostics: Diagnostic[] = [];
  const nothing = (notice: string, signature?: string) => ({
    outcome: { job: jobId, signature, recorded: false, notice },
    diagnostics,
  });
  if (!job.skip?.store) return nothing("job has no source_files or skip_if, so it has no signature to record");
  const spec = job.skip.store;
  const effective = spec.type === "native" && options.localNative ? { ...spec, type: "dir" } : spec;
  const ci = options.ci ?? detectCi(project.options.env);
  const decision = decideRecord(effective, ci);
  if (!decision.record) return nothing(decision.notice!, options.signature);

  const computed = await project.signatures({ includeFileList: true });
  diagnostics.push(...computed.diagnostics);
  const all = new Map(computed.results.map((r) => [r.job, r]));
  const now = all.get(jobId)!;
  const signature = options.signature ?? now.signature;
  if (signature === undefined) return nothing(`job has no signature: ${now.reason ?? "see the diagnostics"}`);
  if (now.signature !== undefined && now.signature !== signature)
    diagnostics.push({
      severity: "info",
      code: SkipCodes.SIGNATURE_CHANGED,
      message: `job "${jobId}": recording signature ${shortSignature(signature)}, computed before its steps; its inputs now give ${shortSignature(now.signature)}`,
      hint: "the job's steps changed files it depends on; the inputs kept for cigen explain are those of now",
    });

  const opened = await project.store(spec, { localNative: options.localNative });
  if (!opened.store) return failed(opened.diagnostics, jobId, signature, spec.type, diagnostics);
  const head = ci.commit && ci.branch ? {} : await gitHead(project.repoRoot);
  const metadata: Record<string, string> = {
    commit: ci.commit ?? head.commit ?? "",
    branch: ci.branch ?? head.branch ?? "",
    provider: ci.provider ?? (ci.inCi ? "ci" : "local"),
    cigen_version: CIGEN_VERSION,
  };
  if (ci.runUrl) metadata.run_url = ci.runUrl;
  for (const key of Object.keys(metadata)) if (metadata[key] === "") delete metadata[key];
  await opened.store.record({
    jobId,
    signature,
    metadata,
    inputsJson: JSON.stringify(recordedInputsOf(job, now, all, project.options.env)),
  });
  const problems = opened.store.takeDiagnostics();
  if (problems.length > 0) return failed(problems, jobId, signature, opened.store.type, diagnostics);
  return { outcome: { job: jobId, signature, recorded: true, store: opened.store.type }, diagnostics };
}

function failed(problems: Diagnostic[], job: string, signature: string, type: string, diagnostics: Diagnostic[]) {
  diagnostics.push(...problems.map((d) => ({ ...d, severity: "warning" as const })));
  diagnostics.push({
    severity: "warning",
    code: SkipCodes.STORE_UNAVAILABLE,
    message: `the success of job "${job}" could not be recorded in the ${type} signature store`,
    hint: "the next run of this job will not be skipped; fix the store settings or credentials (see the other warnings)",
  });
  return { outcome: { job, signature, recorded: false, notice: "the store could not be written" }, diagnostics };
}
