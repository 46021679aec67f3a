import { CIGEN_VERSION, type GraphFormat } from "@cigen/core";
import { Command, InvalidArgumentError, Option } from "commander";
import { continuationCommand } from "./commands/continuation";
import { explainCommand } from "./commands/explain";
import { generateCommand } from "./commands/generate";
import { graphCommand } from "./commands/graph";
import { initCommand } from "./commands/init";
import { lockCommand } from "./commands/lock";
import { planCommand } from "./commands/plan";
import { pluginsCommand } from "./commands/plugins";
import { preflightCommand } from "./commands/preflight";
import { recordCommand } from "./commands/record";
import { runCommand } from "./commands/run";
import { savingsCommand } from "./commands/savings";
import { signaturesCommand } from "./commands/signatures";
import { validateCommand } from "./commands/validate";
import { type CommonFlags, createContext } from "./context";

/** Called with the exit code when a command finishes. */
export type Exit = (code: number) => void;

function positiveInteger(value: string): string {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError("expected a positive number of milliseconds");
  return value;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds the common flags of cli.md to a command. */
function common(command: Command): Command {
  return command
    .option("--config <file>", "the config file (default: cigen.yml, then .cigen/cigen.yml)")
    .option("--json", "print one JSON document on stdout")
    .option("--quiet", "print only errors")
    .option("--verbose", "show plugin logs and more detail")
    .option("--no-color", "never colour the output")
    .option("--plugin <path>", "use this plugin executable before searching (repeatable)", collect)
    .addOption(new Option("--plugin-timeout <ms>", "milliseconds a plugin call may take").argParser(positiveInteger))
    .addOption(
      new Option("--handshake-timeout <ms>", "milliseconds a plugin handshake may take").argParser(positiveInteger),
    );
}

/** The `cigen` command line: parsing and dispatch only; every command calls @cigen/core. */
export function buildProgram(exit: Exit): Command {
  const program = new Command("cigen")
    .description(
      "Write CI once in cigen.yml; generate native config for GitHub Actions, CircleCI, Buildkite, GitLab CI and Jenkins.",
    )
    .version(CIGEN_VERSION, "--version", "print the cigen version")
    .showHelpAfterError("(run with --help for usage)")
    .configureHelp({ sortSubcommands: false })
    // Before the subcommands are added: they copy this setting, and usage errors must exit 2.
    .exitOverride();

  const run =
    <T>(action: (ctx: ReturnType<typeof createContext>, flags: T) => Promise<number>) =>
    async (flags: T & CommonFlags) =>
      exit(await action(createContext(flags), flags));

  common(program.command("init").description("write a starter cigen.yml from what is detected in the repository"))
    .option("--force", "replace an existing cigen.yml")
    .option(
      "--provider <name>",
      "generate for this provider (repeatable; default: those whose CI files exist)",
      collect,
    )
    .option("--stdout", "print the starter instead of writing it")
    .action(run(initCommand));

  common(program.command("generate").description("write every selected provider's files"))
    .option("--provider <name>", "generate only for this provider (repeatable)", collect)
    .option("--check", "write nothing; exit 1 with a unified diff when files on disk differ")
    .option("--out-dir <dir>", "write outputs under this directory instead of the repository root")
    .option("--update-lock", "resolve modules afresh, ignoring cigen.lock, and write the new cigen.lock")
    .action(run(generateCommand));

  common(program.command("validate").description("load, check and plan everything generate would; write nothing"))
    .option("--provider <name>", "validate only this provider (repeatable)", collect)
    .option("--update-lock", "resolve modules afresh, ignoring cigen.lock (writes nothing)")
    .action(run(validateCommand));

  common(program.command("plan").description("show which files generate would add, change or leave unchanged"))
    .option("--provider <name>", "plan only this provider (repeatable)", collect)
    .option("--out-dir <dir>", "compare against this directory instead of the repository root")
    .action(run(planCommand));

  common(program.command("graph").description("print the job DAG after matrix expansion"))
    .addOption(new Option("--format <format>", "output format").choices(["mermaid", "dot"]).default("mermaid"))
    .action(run<{ format: GraphFormat }>(graphCommand));

  common(program.command("lock").description("resolve the modules the config uses and write cigen.lock"))
    .option("--check", "write nothing; exit 1 when cigen.lock is out of date")
    .action(run(lockCommand));

  common(
    program.command("plugins").description("list the plugins found, where from, with versions, capabilities and hooks"),
  ).action(run(pluginsCommand));

  addSkipCommands(program, exit);
  return program;
}

function count(value: string): string {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError("expected a positive number");
  return value;
}

/** The job-skipping commands (job-skipping.md); exit 78 is preflight's "may be skipped". */
function addSkipCommands(program: Command, exit: Exit): void {
  const flagsOf = (command: Command) => command.opts() as CommonFlags;
  common(program.command("signatures").description("compute and print every job variant's work signature"))
    .option("--job <id>", "only this job variant (repeatable)", collect)
    .addOption(new Option("--format <format>", "output format").choices(["json", "lines"]))
    .action(async (flags, command: Command) => exit(await signaturesCommand(createContext(flagsOf(command)), flags)));

  common(program.command("preflight").description("exit 0 when a job must run, 78 when it may be skipped"))
    .option("--job <id>", "the job variant to check")
    .option("--signature <hex>", "use this signature (computed earlier) instead of computing it")
    .option("--all", "check every job variant; print <job>\t<run|skip>\t<signature>")
    .addOption(new Option("--format <format>", "output format of --all").choices(["lines"]))
    .action(async (flags, command: Command) => exit(await preflightCommand(createContext(flagsOf(command)), flags)));

  common(program.command("record").description("record a successful run of a job's signature (trust rules apply)"))
    .requiredOption("--job <id>", "the job variant that succeeded")
    .option("--signature <hex>", "the signature computed before the job's steps ran")
    .action(async (flags, command: Command) => exit(await recordCommand(createContext(flagsOf(command)), flags)));

  common(program.command("explain").description("which inputs of a job changed since its last recorded success"))
    .argument("<job>", "the job variant")
    .action(async (job: string, _flags, command: Command) =>
      exit(await explainCommand(createContext(flagsOf(command)), job)),
    );

  common(program.command("run").description("run a job's steps locally, needed jobs first, skipping recorded ones"))
    .argument("<job>", "the job variant")
    .option("--dry-run", "show what would run or be skipped; run nothing")
    .action(async (job: string, flags, command: Command) =>
      exit(await runCommand(createContext(flagsOf(command)), job, flags)),
    );

  common(program.command("savings").description("how many job runs signatures would have saved in recent history"))
    .addOption(new Option("--commits <n>", "first-parent commits to replay (default 100)").argParser(count))
    .action(async (flags, command: Command) => exit(await savingsCommand(createContext(flagsOf(command)), flags)));

  common(program.command("continuation").description("CI-time: the provider's file for only the jobs that must run"))
    .requiredOption("--provider <name>", "the provider to generate for")
    .option("--output <file>", "write the file here instead of stdout")
    .action(async (flags, command: Command) => exit(await continuationCommand(createContext(flagsOf(command)), flags)));
}
