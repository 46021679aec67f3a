import type { SignatureRecord } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { SkipCodes } from "./codes";
import { parseRecordedInputs, type RecordedInputs, recordedInputsOf } from "./recorded-inputs";
import type { SkipProject } from "./skip-project";

/** A value that differs between the last recorded run and now ("" = absent on that side). */
export interface ChangedValue {
  name: string;
  before: string;
  after: string;
}

/** Which inputs differ between now and a recorded run. */
export interface InputChanges {
  files: { added: string[]; removed: string[]; changed: string[] };
  /** Names of `skip_if.env` variables whose value (hash) differs, or that were added or removed. */
  env: string[];
  modules: ChangedValue[];
  /** Needed jobs whose signature differs. */
  needs: ChangedValue[];
  definition: boolean;
}

/** What `cigen explain J` reports. */
export interface Explanation {
  job: string;
  signature?: string;
  /** Why the job has no signature. */
  reason?: string;
  /** Whether a successful run with the current signature is recorded (the job may be skipped). */
  recorded: boolean;
  /** The most recent recorded successful run. */
  last?: SignatureRecord;
  /** Now vs `last`; undefined when there is no last run or it kept no inputs. */
  changes?: InputChanges;
  inputs: RecordedInputs;
}

/**
 * `cigen explain J`: the inputs of J's signature now, and which of them differ from its most
 * recent recorded success. Needs a store that keeps history (dir, redis, s3).
 */
export async function explainJob(
  project: SkipProject,
  jobId: string,
): Promise<{ explanation?: Explanation; diagnostics: Diagnostic[] }> {
  const { job, diagnostic } = project.job(jobId);
  if (!job) return { diagnostics: [diagnostic!] };
  const spec = job.skip?.store;
  if (spec?.type === "native") return { diagnostics: [nativeHasNoHistory(jobId)] };
  const computed = await project.signatures({ includeFileList: true });
  const diagnostics = [...computed.diagnostics];
  const all = new Map(computed.results.map((r) => [r.job, r]));
  const now = all.get(jobId)!;
  const inputs = recordedInputsOf(job, now, all, project.options.env);
  const explanation: Explanation = { job: jobId, signature: now.signature, recorded: false, inputs };
  if (!job.skip || !spec) explanation.reason = "job has no source_files or skip_if, so it always runs";
  else if (now.signature === undefined) explanation.reason = now.reason;
  if (!spec) return { explanation, diagnostics };
  const opened = await project.store(spec);
  diagnostics.push(...opened.diagnostics);
  if (!opened.store) return { explanation, diagnostics };
  const [history, hit] = await Promise.all([
    opened.store.history(jobId, 1),
    now.signature ? opened.store.lookup(jobId, now.signature) : undefined,
  ]);
  diagnostics.push(...opened.store.takeDiagnostics());
  explanation.recorded = hit !== undefined;
  explanation.last = history[0];
  if (!explanation.last) {
    diagnostics.push({
      severity: "info",
      code: SkipCodes.NO_RECORDED_RUN,
      message: `no successful run of job "${jobId}" is recorded in its ${spec.type} store yet`,
      hint: `run it (cigen run ${jobId}) or let CI record it on the default branch`,
    });
    return { explanation, diagnostics };
  }
  const before = parseRecordedInputs(explanation.last.inputsJson);
  if (before) explanation.changes = compareInputs(before, inputs);
  return { explanation, diagnostics };
}

/** The differences between two sets of recorded inputs. Pure. */
export function compareInputs(before: RecordedInputs, after: RecordedInputs): InputChanges {
  const files = (list: RecordedInputs["files"]) => new Map(list.map(([path, mode, blob]) => [path, `${mode} ${blob}`]));
  const was = files(before.files);
  const is = files(after.files);
  return {
    files: {
      added: [...is.keys()].filter((p) => !was.has(p)),
      removed: [...was.keys()].filter((p) => !is.has(p)),
      changed: [...is.keys()].filter((p) => was.has(p) && was.get(p) !== is.get(p)),
    },
    env: changedKeys(before.env, after.env).map((c) => c.name),
    modules: changedKeys(before.modules, after.modules),
    needs: changedKeys(before.needs, after.needs),
    definition: before.definition !== after.definition,
  };
}

function changedKeys(
  before: Readonly<Record<string, string | null>>,
  after: Readonly<Record<string, string | null>>,
): ChangedValue[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((name) => !(name in before && name in after && before[name] === after[name]))
    .map((name) => ({ name, before: before[name] ?? "", after: after[name] ?? "" }));
}

function nativeHasNoHistory(jobId: string): Diagnostic {
  return {
    severity: "error",
    code: SkipCodes.NATIVE_HAS_NO_HISTORY,
    message: `job "${jobId}" keeps its signatures in the native store (the CI provider's cache), which cigen cannot read, so there is no history to explain`,
    hint: "explain needs a store with history: skip_store: { type: dir, path: ... } or a redis or s3 store (see docs/job-skipping-commands.md)",
  };
}
