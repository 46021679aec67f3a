/** The resolved, provider-neutral model built from a loaded config. */

export { buildModel, type ModelOptions } from "./build-model";
export { BUILTIN_CACHES } from "./builtin-caches";
export { expandJobs, type JobVariant } from "./expand-jobs";
export { expandMatrix, type MatrixCombination } from "./expand-matrix";
export { interpolate, literal, type Scope, type TextSite, textToString } from "./interpolate";
export { foldValue, variantId } from "./variant-id";
