/** cigen (packages/cli): the command line as a library, for tests that want it in-process. */

export { ExitCode, exitCodeFor } from "./exit-codes";
export { buildProgram, type Exit } from "./program";
