/** @cigen/cli: the command line as a library, for tests that want it in-process. */
export { buildProgram, type Exit } from "./program";
export { ExitCode, exitCodeFor } from "./exit-codes";
