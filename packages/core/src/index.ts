/**
 * @cigen/core: the pipeline and the pieces the CLI needs around it. The CLI parses arguments and
 * prints; everything that decides lives here.
 */
export { runPipeline, type PipelineResult } from "./pipeline/pipeline";
export { DEFAULT_TIMEOUTS, type PipelineOptions } from "./pipeline/pipeline-options";
export { readConfigSource } from "./pipeline/locate-config";
export { repoRootOf, searchPathsFor } from "./pipeline/search-paths";
export { type Diagnostic, type Severity, hasErrors, sortDiagnostics } from "./diagnostics/diagnostic";
export { PluginCodes } from "./host/codes";
export { PluginHost, failureDiagnostic } from "./host/plugin-host";
export { listPlugins, type SearchPaths } from "./host/discover";
export { pluginEnvironment } from "./host/plugin-environment";
export { compareFiles, unifiedDiff, type ComparedFile } from "./output/compare-files";
export { writeFilesAtomically } from "./output/write-files";
export type { FileStatus, RenderedFile } from "./output/rendered-file";
export { loadConfig, type LoadedConfig } from "./config/load-config";
export { expandJobs, type JobVariant } from "./model/expand-jobs";
export { renderGraph, type GraphFormat } from "./graph/render-graph";
export { CIGEN_VERSION } from "./version";
