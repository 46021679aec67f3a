/**
 * A plugin that could not do its job: crashed, broke the protocol, timed out, or answered with an
 * error. Carries what the user needs to act: the plugin, a stable code, a hint and the last lines
 * the plugin wrote to stderr.
 */
export class PluginFailure extends Error {
  override readonly name = "PluginFailure";
  constructor(
    readonly plugin: string,
    readonly code: string,
    message: string,
    readonly hint: string,
    readonly stderr: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Type guard that survives bundling (checks the name, not the class identity). */
export function isPluginFailure(e: unknown): e is PluginFailure {
  return e instanceof Error && e.name === "PluginFailure";
}

/** How a process ended, from Node's exit event. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** "exited with code 2", "was killed by SIGSEGV", "exited (code 0)". */
export function describeExit(status: ExitStatus): string {
  if (status.signal) return `was killed by ${status.signal}`;
  if (status.code === 0) return "exited (code 0)";
  return `exited with code ${status.code}`;
}
