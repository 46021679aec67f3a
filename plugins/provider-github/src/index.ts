/** @cigen/provider-github: the GitHub Actions provider plugin, also importable for tests and tools. */

export { DEFAULT_OUTPUT_PATH, generateWorkflows } from "./generate";
export { githubProvider } from "./plugin";
export { type WorkflowDocument, workflowDocuments } from "./workflow";
