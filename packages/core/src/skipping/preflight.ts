import type { Job, SignatureRecord } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { SkipCodes } from "./codes";
import type { SkipProject } from "./skip-project";

/** Whether one job variant must run, and why. */
export interface PreflightResult {
  job: string;
  /** The signature looked up; undefined when the job has none (it always runs). */
  signature?: string;
  shouldRun: boolean;
  /** One line: `skip: ...` or `run: ...`. */
  reason: string;
  /** The successful run found, when the job may be skipped. */
  record?: SignatureRecord;
}

const SIGNATURE = /^[0-9a-f]{64}$/;

/** The first 8 hex digits, as people quote signatures. */
export function shortSignature(signature: string): string {
  return `${signature.slice(0, 8)}…`;
}

/** A diagnostic when `signature` (from --signature) cannot be a signature. */
export function checkSignatureFlag(signature: string | undefined): Diagnostic | undefined {
  if (signature === undefined || SIGNATURE.test(signature)) return undefined;
  return {
    severity: "error",
    code: SkipCodes.INVALID_SIGNATURE,
    message: `--signature ${JSON.stringify(signature)} is not a signature (64 lowercase hex digits)`,
    hint: "pass the value `cigen signatures --format lines` printed for the job",
  };
}

/**
 * `cigen preflight --job J`: looks J's signature up in its store. Never skips on doubt: a job
 * without a signature, on the native store (which the provider's cache step checks), or whose
 * store cannot be asked runs.
 */
export async function preflightJob(
  project: SkipProject,
  jobId: string,
  options: { signature?: string } = {},
): Promise<{ result?: PreflightResult; diagnostics: Diagnostic[] }> {
  const bad = checkSignatureFlag(options.signature);
  if (bad) return { diagnostics: [bad] };
  const { job, diagnostic } = project.job(jobId);
  if (!job) return { diagnostics: [diagnostic!] };
  const diagnostics: Diagnostic[] = [];
  let signature = options.signature;
  let why: string | undefined;
  if (signature === undefined && job.skip) {
    const computed = await project.signatures();
    diagnostics.push(...computed.diagnostics);
    const mine = computed.results.find((r) => r.job === jobId);
    signature = mine?.signature;
    why = mine?.reason;
  }
  const result = await lookUp(project, job, signature, why, diagnostics);
  return { result, diagnostics };
}

/** `cigen preflight --all`: every job variant, in model order. */
export async function preflightAll(
  project: SkipProject,
): Promise<{ results: PreflightResult[]; diagnostics: Diagnostic[] }> {
  const computed = await project.signatures();
  const diagnostics = [...computed.diagnostics];
  const results = await Promise.all(
    project.jobs.map((job, i) => {
      const mine = computed.results[i];
      return lookUp(project, job, mine.signature, mine.reason, diagnostics);
    }),
  );
  return { results, diagnostics };
}

/**
 * Looks one job's signature up (`why`: the engine's reason when there is none). `localNative`
 * (`cigen run`) reads the local dir store in place of the native one.
 */
export async function lookUp(
  project: SkipProject,
  job: Job,
  signature: string | undefined,
  why: string | undefined,
  diagnostics: Diagnostic[],
  options: { localNative?: boolean } = {},
): Promise<PreflightResult> {
  const run = (reason: string): PreflightResult => ({
    job: job.id,
    signature,
    shouldRun: true,
    reason: `run: ${reason}`,
  });
  if (!job.skip) return run("job has no source_files or skip_if");
  if (signature === undefined) return run(`job has no signature: ${why ?? "see the diagnostics"}`);
  const spec = job.skip.store;
  if (!spec || (spec.type === "native" && !options.localNative))
    return run("the native store is checked by the provider's cache step");
  const opened = await project.store(spec, options);
  const record = opened.store ? await opened.store.lookup(job.id, signature) : undefined;
  const problems = [...opened.diagnostics, ...(opened.store?.takeDiagnostics() ?? [])];
  if (problems.length > 0 || !opened.store) {
    diagnostics.push(...problems.map((d) => ({ ...d, severity: "warning" as const })));
    diagnostics.push({
      severity: "warning",
      code: SkipCodes.STORE_UNAVAILABLE,
      message: `the ${spec.type} signature store could not be asked about job "${job.id}", so it runs`,
      hint: "a job is never skipped on doubt; fix the store settings or its credentials (see the other warnings)",
    });
    return run(`the ${spec.type} store could not be asked (see the warnings)`);
  }
  if (!record) return run(`no successful run recorded for signature ${shortSignature(signature)}`);
  const by = record.metadata.commit || "an unknown commit";
  const on = record.metadata.branch || "an unknown branch";
  return {
    job: job.id,
    signature,
    shouldRun: false,
    reason: `skip: signature ${shortSignature(signature)} recorded by ${by} on ${on} at ${record.recordedAt}`,
    record,
  };
}
