import { CommanderError } from "commander";
import { ExitCode } from "./exit-codes";
import { buildProgram } from "./program";

/**
 * The `cigen` executable. Usage errors exit 2; a bug (an exception no stage turned into a
 * diagnostic) exits 3 with a short message, and its stack only with --verbose.
 */
const program = buildProgram((code) => {
  process.exitCode = code;
});
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    const benign =
      e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help";
    process.exitCode = benign ? ExitCode.OK : ExitCode.USAGE;
  } else {
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(
      `cigen: internal error: ${err.message}\n  hint: this is a bug in cigen; please report it with the command you ran\n`,
    );
    if (process.argv.includes("--verbose") && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = ExitCode.INTERNAL;
  }
}
