/**
 * Job skipping as the commands see it (job-skipping.md): signatures of the model's jobs, preflight,
 * record (with the trust rules), explain, local runs, savings and the pruned continuation.
 */
export { type CiEnvironment, detectCi } from "./ci-environment";
export { type CigenInCi, cigenInCi } from "./cigen-in-ci";
export { SkipCodes } from "./codes";
export { type Continuation, generateContinuation } from "./continuation";
export { type ChangedValue, compareInputs, type Explanation, explainJob, type InputChanges } from "./explain";
export { checkSignatureFlag, type PreflightResult, preflightAll, preflightJob, shortSignature } from "./preflight";
export { type PrunedModel, pruneModel } from "./prune-model";
export { type RecordOptions, type RecordOutcome, recordJob } from "./record";
export { envValueHash, parseRecordedInputs, type RecordedInputs } from "./recorded-inputs";
export { type JobRun, type RunOptions, runJob } from "./run-job";
export { computeSavings, DEFAULT_SAVINGS_COMMITS, type Savings } from "./savings";
export { jobDefinition, signatureJobOf } from "./signature-inputs";
export { type SkipMode, skipFlags } from "./skip-flags";
export { LOCAL_NATIVE_STORE_PATH, openSkipProject, type SkipOptions, SkipProject } from "./skip-project";
export { decideRecord, type RecordDecision } from "./trust";
