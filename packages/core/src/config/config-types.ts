/**
 * The TypeScript shape of a cigen.yml that passed schemas/cigen.schema.json. Keys keep the file's
 * snake_case spelling so a path in this object is a path in the user's file.
 */

/** A value a variable, env entry, matrix cell or parameter may hold. */
export type Scalar = string | number | boolean;

export type StepCondition = "success" | "failure" | "always";

export interface RunObject {
  name?: string;
  command: string;
  env?: Record<string, Scalar>;
  if?: StepCondition;
  working_directory?: string;
}

/** One entry of `steps`: exactly one of run, uses, restore_cache, save_cache, command. */
export interface StepConfig {
  name?: string;
  run?: string | RunObject;
  uses?: string;
  with?: Record<string, Scalar>;
  restore_cache?: { key: string; restore_keys?: string[]; paths?: string[] };
  save_cache?: { key: string; paths: string[] };
  command?: string;
  env?: Record<string, Scalar>;
  if?: StepCondition;
  working_directory?: string;
}

export interface MatrixConfig {
  include?: Record<string, Scalar>[];
  exclude?: Record<string, Scalar>[];
  [dimension: string]: Scalar[] | Record<string, Scalar>[] | undefined;
}

export type JobTriggerConfig =
  | "manual"
  | { manual?: boolean; scheduled?: { cron: string }; branches?: string[]; tags?: string[] };

export interface ArtifactConfig {
  path: string;
  retention?: string | number;
}

export interface CheckoutConfig {
  depth?: number;
  submodules?: boolean;
  lfs?: boolean;
}

export interface SkipStoreConfig {
  type: string;
  record_on?: string[];
  [setting: string]: unknown;
}

export interface JobConfig {
  needs?: string | string[];
  needs_any?: string | string[];
  matrix?: MatrixConfig;
  runner?: string;
  image?: string;
  arch?: string;
  packages?: string[];
  services?: string[];
  env?: Record<string, Scalar>;
  steps: StepConfig[];
  source_files?: string[];
  skip_if?: { paths_unmodified?: string[]; env?: string[] };
  skip_store?: SkipStoreConfig;
  trigger?: JobTriggerConfig;
  artifacts?: (ArtifactConfig | string)[];
  cache?: string | string[];
  checkout?: boolean | CheckoutConfig;
  timeout?: number;
  workflow?: string;
  provider_config?: Record<string, Record<string, unknown>>;
  providers?: string[];
}

export interface WorkflowConfig {
  triggers?: {
    push?: { branches?: string[]; tags?: string[] } | null;
    pull_request?: { branches?: string[] } | null;
    schedule?: string[];
    manual?: boolean;
  };
}

export interface CacheConfig {
  key: string;
  restore_keys?: string[];
  paths: string[];
}

export interface ServiceConfig {
  image: string;
  env?: Record<string, Scalar>;
  ports?: number[];
  health_cmd?: string;
}

export interface CommandConfig {
  description?: string;
  parameters?: Record<string, { default?: Scalar; description?: string } | null>;
  steps: StepConfig[];
}

/** A whole cigen.yml. */
export interface CigenConfig {
  version?: string | number;
  project?: { name?: string; default_runner?: string; type?: "default" | "turborepo" };
  providers?: string[];
  outputs?: { provider: string; path: string }[];
  variables?: Record<string, Scalar>;
  env?: Record<string, Scalar>;
  packages?: string[];
  /** Which module serves a package or service name: `{ node: "lang/node@^1" }`. */
  modules?: Record<string, string>;
  source_file_groups?: Record<string, string[]>;
  jobs: Record<string, JobConfig>;
  workflows?: Record<string, WorkflowConfig>;
  caches?: Record<string, CacheConfig>;
  runners?: Record<string, Record<string, Record<string, unknown>>>;
  services?: Record<string, ServiceConfig>;
  provider_config?: Record<string, Record<string, unknown>>;
  skip_store?: SkipStoreConfig;
  commands?: Record<string, CommandConfig>;
}

/** A path into the config: keys and sequence indexes, e.g. ["jobs", "test", "needs", 0]. */
export type ConfigPath = readonly (string | number)[];

/** Lists that may be written as one string. */
export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value;
}
