/** Everything a run of the pipeline depends on, resolved by the CLI from flags and environment. */
export interface PipelineOptions {
  /** The working directory (where `cigen.yml` is looked up). */
  cwd: string;
  /** `--config`; default: cigen.yml, then .cigen/cigen.yml. */
  configPath?: string;
  /** `--provider` (repeatable); default: the config's providers. */
  providers?: string[];
  /** `--plugin <path>` (repeatable): executables to use before any search. */
  pluginPaths: string[];
  /** Folders with the plugins shipped with cigen. */
  bundledPluginDirs: string[];
  handshakeTimeoutMs: number;
  callTimeoutMs: number;
  shutdownGraceMs: number;
  /** The environment plugins' scrubbed environment is taken from. */
  env: NodeJS.ProcessEnv;
  /** Receives plugin stderr lines (the CLI shows them at --verbose). */
  onPluginLog?: (plugin: string, line: string) => void;
  /** `--update-lock`: resolve modules afresh, ignoring cigen.lock (the result carries the new lock). */
  updateLock?: boolean;
  /** Receives stage names as the run progresses (the CLI shows them on a terminal). */
  onStage?: (stage: string) => void;
}

export const DEFAULT_TIMEOUTS = {
  handshakeTimeoutMs: 10_000,
  callTimeoutMs: 120_000,
  shutdownGraceMs: 2_000,
} as const;
