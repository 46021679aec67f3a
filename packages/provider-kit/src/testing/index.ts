/** @cigen/provider-kit/testing: test support shared by the provider plugins (never imported by a plugin's code). */

export { type BundledPlugin, rebuildBundle, startBundle } from "./bundled-plugin";
export { job, model, modelOf, run, setupToolchain, templateRun } from "./model-builders";
export { type RichModelSettings, richModel } from "./rich-model";
export { CONTINUATION_FLAGS, FETCHED_FLAGS, SETUP_FLAGS, skip } from "./skip-flags";
export { t } from "./template-text";
export { checksumRef, envRef, gitRef, platformRef, secretRef, type TextPart, text } from "./text";
