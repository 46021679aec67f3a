/** Test helpers: model Text and steps as plain strings, and a shellcheck run. */
import { execFileSync } from "node:child_process";
import type { Step, Text } from "@cigen/protocol";

/** A Text with its runtime references shown as <kind:value>. */
export function show(text: Text | undefined): string {
  return (text?.parts ?? [])
    .map((p) => (p.kind.case === "literal" ? p.kind.value : `<${p.kind.case}:${p.kind.value}>`))
    .join("");
}

/** A step as one line: "setup node 20.11.1 (node:20.11.1)" or "run: npm ci". */
export function describeStep(step: Step): string {
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

/** shellcheck's complaints about a bash script ("" when clean). */
export function shellcheck(script: string): string {
  try {
    execFileSync("shellcheck", ["-s", "bash", "-"], { input: script, encoding: "utf8" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}
