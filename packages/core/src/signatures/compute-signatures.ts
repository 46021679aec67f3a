import type { Diagnostic } from "../diagnostics/diagnostic";
import { canonicalJson } from "./canonical-json";
import { SignatureCodes } from "./codes";
import { comparePaths } from "./compare-paths";
import { orderJobs } from "./job-order";
import { expandPatterns, type FilePattern } from "./match-files";
import { GitError } from "./run-git";
import { type SelectedFiles, selectFiles } from "./select-files";
import { hashSignature } from "./signature";
import type {
  ComputeSignaturesOptions,
  ComputeSignaturesResult,
  SignatureJob,
  SignatureResult,
} from "./signature-types";

interface PreparedJob {
  job: SignatureJob;
  source: FilePattern[];
  module: FilePattern[];
  definition: string;
  /** Set when the job can have no signature, whatever its upstream. */
  reason?: string;
}

/**
 * Computes the work signature of every job variant (job-skipping.md, "The signature"). The work
 * tree is read once for all jobs; only modified or untracked files that a job matches are read.
 * A job gets no signature, and so always runs, when it declares no `source_files`/`skip_if`, when
 * one of its inputs cannot be known, or when a job it needs has no signature: such an upstream's
 * inputs are unknown, so its outputs (artifacts, published images) may differ on every run, and
 * reusing a dependant's earlier success could hide a failure. Missing a skip costs minutes; a
 * wrong skip ships untested code.
 */
export async function computeSignatures(
  repoRoot: string,
  jobs: readonly SignatureJob[],
  options: ComputeSignaturesOptions,
): Promise<ComputeSignaturesResult> {
  const diagnostics: Diagnostic[] = [];
  const prepared = new Map(jobs.map((job) => [job.id, prepareJob(job, options, diagnostics)]));
  const withFiles = [...prepared.values()].filter(
    (p) => p.reason === undefined && p.source.length + p.module.length > 0,
  );
  const files = withFiles.length > 0 ? await readFiles(repoRoot, withFiles, diagnostics) : undefined;
  const { ordered, blocked } = orderJobs(jobs);
  const results = new Map<string, SignatureResult>();
  for (const job of ordered) {
    const result = signJob(prepared.get(job.id)!, files, blocked.get(job.id), results, options);
    if (
      result.signature !== undefined &&
      job.sourceFiles.length > 0 &&
      files?.masks.get(job.id)?.source.indexOf(1) === -1
    )
      diagnostics.push({
        severity: "warning",
        code: SignatureCodes.NO_MATCHING_FILES,
        message: `the source_files of job "${job.id}" match no file, so only its definition, env and needs decide whether it runs`,
        hint: "check the globs; a directory needs a trailing / or /** (src/**)",
      });
    results.set(job.id, result);
    options.onProgress?.(results.size, jobs.length);
  }
  return { results: jobs.map((job) => results.get(job.id)!), diagnostics };
}

function prepareJob(job: SignatureJob, options: ComputeSignaturesOptions, diagnostics: Diagnostic[]): PreparedJob {
  const source = expandPatterns(job.id, job.sourceFiles, options.groups);
  const module = expandPatterns(job.id, job.moduleFiles ?? [], options.groups);
  diagnostics.push(...source.diagnostics, ...module.diagnostics);
  const prepared: PreparedJob = { job, source: source.patterns, module: module.patterns, definition: "" };
  const skippable = job.skippable ?? (job.sourceFiles.length > 0 || job.envNames.length > 0);
  if (!skippable) prepared.reason = "it declares no source_files and no skip_if, so it always runs";
  else if (source.diagnostics.length + module.diagnostics.length > 0)
    prepared.reason = "its source_files could not be resolved (see the diagnostics)";
  try {
    prepared.definition = canonicalJson(job.definition);
  } catch (error) {
    const message = `the definition of job "${job.id}" cannot be encoded: ${(error as Error).message}`;
    diagnostics.push({ severity: "error", code: SignatureCodes.UNENCODABLE_DEFINITION, message });
    prepared.reason ??= message;
  }
  return prepared;
}

async function readFiles(
  repoRoot: string,
  jobs: PreparedJob[],
  diagnostics: Diagnostic[],
): Promise<SelectedFiles | undefined> {
  try {
    return await selectFiles(
      repoRoot,
      jobs.map((p) => ({ id: p.job.id, source: p.source, module: p.module })),
      diagnostics,
    );
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    diagnostics.push({
      severity: "error",
      code: SignatureCodes.GIT_FAILED,
      message: `cannot read the work tree of ${repoRoot}: ${error.message}`,
      hint: "signatures need a git checkout (with history not required) and git on the PATH",
    });
    return undefined;
  }
}

function signJob(
  prepared: PreparedJob,
  files: SelectedFiles | undefined,
  blocked: string | undefined,
  done: ReadonlyMap<string, SignatureResult>,
  options: ComputeSignaturesOptions,
): SignatureResult {
  const { job } = prepared;
  const masks = files?.masks.get(job.id);
  const result: SignatureResult = {
    job: job.id,
    inputs: {
      files: masks ? countUnion(masks.source, masks.module) : 0,
      env: [...new Set(job.envNames)].sort(comparePaths),
      modules: { ...(job.modules ?? {}) },
      needs: [...job.needs].sort(comparePaths),
    },
  };
  if (options.includeFileList && masks && files)
    result.inputs.fileList = files.encoded.list(masks.source.map((bit, i) => bit | masks.module[i]));
  const needsFiles = prepared.source.length + prepared.module.length > 0;
  const upstream = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, done.get(id)?.signature ?? ""]));
  const needs = upstream(job.needs);
  const needsAny = upstream(job.needsAny ?? []);
  const unsigned = Object.keys({ ...needs, ...needsAny }).find((id) => (needs[id] ?? needsAny[id]) === "");
  result.reason =
    prepared.reason ??
    blocked ??
    (needsFiles && !files ? "the work tree could not be read (see the diagnostics)" : undefined) ??
    files?.failures.get(job.id) ??
    (unsigned !== undefined
      ? `it needs "${unsigned}", which always runs, so what it receives from there may differ on every run`
      : undefined);
  if (result.reason !== undefined) return result;
  result.signature = hashSignature({
    id: job.id,
    definition: prepared.definition,
    files: masks && files ? files.encoded.section(masks.source) : { count: 0, write: () => {} },
    env: result.inputs.env.map((name) => [name, options.env[name]] as const),
    modules: result.inputs.modules,
    moduleFiles: masks && files ? files.encoded.section(masks.module) : { count: 0, write: () => {} },
    needs,
    needsAny,
  });
  return result;
}

/** How many paths either mask marks (a loop: callbacks over 40,000 entries per job showed in profiles). */
function countUnion(a: Uint8Array, b: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) count += a[i] | b[i];
  return count;
}
