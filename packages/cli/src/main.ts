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

// The command has finished and every plugin has exited. Exiting here instead of letting Node
// wind down on its own saves the teardown of a large heap: ~50 ms of the 1000-job bench's
// generate (measured from the last line of JavaScript to the parent seeing the exit). Output is
// flushed first: on some platforms a pipe is written asynchronously.
await flushed(process.stdout);
await flushed(process.stderr);
process.exit();

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}
