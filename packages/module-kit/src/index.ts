/**
 * @cigen/module-kit: the pieces every module plugin shares. A module finds what the repository
 * uses (Detect, with evidence) and contributes provider-neutral steps, caches, services and
 * signature inputs to the jobs that use it (Plan); docs/writing-a-module.md walks through one.
 */

export { parse as parseToml } from "smol-toml";
export { type ModuleCacheInit, moduleCache } from "./cache";
export { type DependencyFinding, type DependencyNames, findDependencies } from "./dependencies";
export { InitFacts, listFact } from "./facts";
export { type ComposeImage, composeImages, imageRepository, isComposeFile } from "./images";
export { inputText } from "./input-text";
export { linkOntoPath } from "./link-onto-path";
export { agrees, type PickedVersion, pickVersion, type VersionFinding } from "./pick-version";
export { planJobs } from "./plan-jobs";
export { evidence, findInFile, positionOf, readRepoFile } from "./repo-files";
export { rootFileNames, rootNamesOf } from "./root-files";
export { imageTag, type ServiceInit, serviceImage, serviceOf } from "./service";
export {
  detectService,
  planServices,
  type ServiceConfigPattern,
  type ServiceDetectSpec,
  type ServicePlanSpec,
} from "./service-module";
export { stepInputs } from "./step-inputs";
export { checkThenInstall, runStep, type ToolchainInit, toolchainStep } from "./steps";
export { textOf } from "./text";
export { readToml, type TomlFile, tomlEvidence, tomlString, tomlValue } from "./toml";
export { toolVersionsEntry } from "./tool-versions";
export { planToolchain, type ToolchainPlan, type ToolchainPlanSpec } from "./toolchain-plan";
export { versionFileEntry } from "./version-file";
export { versionLine } from "./version-line";
export {
  type DetectedVersion,
  type StatedVersion,
  type VersionReading,
  VersionSources,
  type VersionSourcesSpec,
} from "./version-sources";
export { warning } from "./warning";
