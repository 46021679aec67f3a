export type { Detection, Evidence } from "./detection";
export type { CarriedJob, ExistingCi } from "./existing-ci";
export { readExistingCi } from "./existing-ci";
export { type InitOptions, type InitResult, initRepository } from "./init";
export { InitCodes } from "./init-codes";
export { renderStarter } from "./render-starter";
export type { Starter, StarterJob, StarterStep } from "./starter";
export { buildStarter, type StarterInput } from "./starter-config";
