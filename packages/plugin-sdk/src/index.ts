/**
 * @cigen/plugin-sdk: everything a TypeScript plugin author needs. A plugin's executable is:
 *
 *   import { servePlugin } from "@cigen/plugin-sdk";
 *   servePlugin({ info: { name: "my-plugin", version: "1.0.0" }, hooks: { generate(req) { ... } } });
 */

export * from "@cigen/protocol";
export { connectPlugin } from "./connect";
export type { Hook, Hooks, PluginDefinition, PluginInfoInit } from "./definition";
export { type DiagnosticInit, diagnostic } from "./diagnostic";
export { servePlugin } from "./serve";
