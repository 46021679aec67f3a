/**
 * @cigen/core: the pipeline and the pieces the CLI needs around it. The CLI parses arguments and
 * prints; everything that decides lives here.
 */

export { type LoadedConfig, loadConfig } from "./config/load-config";
export { type Diagnostic, hasErrors, type Severity, sortDiagnostics } from "./diagnostics/diagnostic";
export { type GraphFormat, renderGraph } from "./graph/render-graph";
export { PluginCodes } from "./host/codes";
export { listPlugins, type SearchPaths } from "./host/discover";
export { pluginEnvironment } from "./host/plugin-environment";
export { failureDiagnostic, PluginHost } from "./host/plugin-host";
export * from "./init";
export { expandJobs, type JobVariant } from "./model/expand-jobs";
export { type Lock, ModuleCodes, renderLock } from "./modules";
export { type ComparedFile, compareFiles, unifiedDiff } from "./output/compare-files";
export type { FileStatus, RenderedFile } from "./output/rendered-file";
export { writeFilesAtomically } from "./output/write-files";
export { openConfig, readConfigSource } from "./pipeline/locate-config";
export { LOCK_FILE, type LockResult, lockModules } from "./pipeline/lock-modules";
export { type PipelineResult, runPipeline } from "./pipeline/pipeline";
export { DEFAULT_TIMEOUTS, type PipelineOptions } from "./pipeline/pipeline-options";
export { repoRootOf, searchPathsFor } from "./pipeline/search-paths";
export * from "./skipping";
export { CIGEN_VERSION } from "./version";
