/** Test helpers shared by the modules' tests: model Text and steps as plain strings, and shellcheck. */
import { execFileSync, spawnSync } from "node:child_process";
import type { Step, Text } from "@cigen/protocol";

/** A Text with its runtime references shown as <kind:value> ("<platform:os>-node-<checksum:x>"). */
export function show(text: Text | undefined): string {
  return (text?.parts ?? [])
    .map((p) => (p.kind.case === "literal" ? p.kind.value : `<${p.kind.case}:${p.kind.value}>`))
    .join("");
}

/** A step as [name, kind, the command or install script]. */
export function describeStep(step: Step): [string, string, string] {
  const k = step.kind;
  if (k.case === "run") return [step.name, "run", show(k.value.command)];
  if (k.case === "setupToolchain")
    return [step.name, `setup ${k.value.tool} ${k.value.version} ${k.value.image}`, show(k.value.install)];
  return [step.name, k.case ?? "", ""];
}

/** A step as one line: "setup node 20.11.1 (node:20.11.1)" or "run: npm ci". */
export function describeStepLine(step: Step): string {
  if (step.kind.case === "setupToolchain") {
    const s = step.kind.value;
    return `setup ${s.tool} ${s.version} (${s.image})`;
  }
  if (step.kind.case === "run") return `run: ${show(step.kind.value.command)}`;
  return step.kind.case ?? "empty";
}

/** The install script of a SetupToolchain step. */
export function installScript(step: Step): string {
  return step.kind.case === "setupToolchain" ? show(step.kind.value.install) : "";
}

/**
 * shellcheck's warnings for a script in POSIX sh (Jenkins runs /bin/sh); undefined when shellcheck
 * is missing. `asBuildkite` checks a run step as Buildkite's validator sees it: every `$` but `$(`
 * written `$$` for `pipeline upload`, so a script's own variables would read as `$$` plus text.
 */
export function shellcheck(script: string, options: { asBuildkite?: boolean } = {}): string[] | undefined {
  const input = options.asBuildkite ? script.replace(/\$(?!\()/g, "$$$$") : script;
  const r = spawnSync("shellcheck", ["-s", "sh", "-S", "warning", "-f", "gcc", "-"], { input, encoding: "utf8" });
  if (r.error) return undefined;
  return r.stdout.split("\n").filter(Boolean);
}

/** shellcheck's complaints about a bash script ("" when clean). */
export function shellcheckBash(script: string): string {
  try {
    execFileSync("shellcheck", ["-s", "bash", "-"], { input: script, encoding: "utf8" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}
