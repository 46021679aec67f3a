/**
 * Work signatures for job skipping (job-skipping.md): what a job's signature is made of, computed
 * from the git index and work tree, and the history replay behind `cigen savings`.
 */
export { canonicalJson } from "./canonical-json";
export { SignatureCodes } from "./codes";
export { computeSignatures } from "./compute-signatures";
export type { FileInput } from "./encoded-files";
export type { GitSettings } from "./git-settings";
export { gitBlobId } from "./hash-work-tree";
export { type ReplayOptions, type ReplayResult, replayHistory } from "./history-replay";
export { expandPatterns, type FilePattern, PathMatcher } from "./match-files";
export { readWorkTree } from "./read-work-tree";
export { SIGNATURE_FORMAT } from "./signature";
export type {
  ComputeSignaturesOptions,
  ComputeSignaturesResult,
  SignatureJob,
  SignatureResult,
} from "./signature-types";
export type { WorkTree } from "./work-tree";
