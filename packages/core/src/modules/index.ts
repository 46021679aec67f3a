export { LOCK_FILE, type Lock, type LockedModule, readLock, renderLock } from "./lockfile";
export { ModuleCodes } from "./module-codes";
export { moduleExecutable, moduleNameOf, parseModuleRef } from "./module-names";
export { checkLock, type LockState, type ModuleContext, type ModuleStageResult, runModuleStage } from "./module-stage";
export { repoFiles } from "./repo-snapshot";
export { warmModules } from "./warm-modules";
