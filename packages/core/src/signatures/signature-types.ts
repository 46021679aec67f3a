import type { Diagnostic } from "../diagnostics/diagnostic";
import type { FileInput } from "./encoded-files";

/** One job variant as the signature engine needs it; the caller resolves config and matrix. */
export interface SignatureJob {
  /** The variant id (`test-3_2`). */
  id: string;
  /** The resolved, provider-neutral definition (any JSON-able value; hashed as canonical JSON). */
  definition: unknown;
  /** `source_files` then `skip_if.paths_unmodified`: globs, `!negations` and `@group` references, in order. */
  sourceFiles: readonly string[];
  /** `skip_if.env`: variable names whose values enter the signature. */
  envNames: readonly string[];
  /**
   * Whether the job declared `source_files` or `skip_if` at all (an empty list still counts).
   * Default: true when `sourceFiles` or `envNames` is non-empty.
   */
  skippable?: boolean;
  /** Versions modules detected, by module name (`node` -> `20.11.1`). */
  modules?: Readonly<Record<string, string>>;
  /** Globs or paths of files that modules add (lock files, version files). */
  moduleFiles?: readonly string[];
  /** Variant ids this job needs. */
  needs: readonly string[];
  /** Variant ids of which this job needs any one. */
  needsAny?: readonly string[];
}

/** A job's signature, or why it has none (then the job always runs). */
export interface SignatureResult {
  job: string;
  /** 64 hex digits; absent when the job is never skipped. */
  signature?: string;
  inputs: {
    /** Number of distinct files (source and module files) in the signature. */
    files: number;
    /** Those files as `[path, mode, blob]`, in path order, when `includeFileList` was asked for. */
    fileList?: FileInput[];
    /** The `skip_if.env` names (values are not echoed: they may be secrets). */
    env: string[];
    modules: Record<string, string>;
    /** The needed job ids, sorted. */
    needs: string[];
  };
  /** Why there is no signature. */
  reason?: string;
}

export interface ComputeSignaturesOptions {
  /** `source_file_groups` from cigen.yml. */
  groups: Readonly<Record<string, readonly string[]>>;
  /** Where `skip_if.env` values come from (usually `process.env`). */
  env: NodeJS.ProcessEnv;
  /** Add every job's `fileList` to its result (for `cigen explain`, `--json`). */
  includeFileList?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ComputeSignaturesResult {
  /** One result per job, in the order the jobs were given. */
  results: SignatureResult[];
  diagnostics: Diagnostic[];
}
