declare const __CIGEN_VERSION__: string | undefined;

/** This module's version, injected by the bundler; "0.0.0-dev" when running from source (tests). */
export const MODULE_VERSION: string = typeof __CIGEN_VERSION__ === "string" ? __CIGEN_VERSION__ : "0.0.0-dev";
