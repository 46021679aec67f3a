/** @cigen/module-kit/testing: temp repositories and an in-process host for module tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { PluginDefinition } from "@cigen/plugin-sdk";
import { createTestHost } from "@cigen/plugin-sdk/testing";
import type { PlanJobSchema } from "@cigen/protocol";

/** A temp folder holding `files` (path -> content); not a git repository. */
export function tempRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "cigen-module-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Runs the module's Detect over a temp repository made of `files`. */
export async function detectIn(module: PluginDefinition, files: Record<string, string>) {
  const root = tempRepo(files);
  const host = createTestHost(module);
  try {
    return await host.call("detect", { root, files: Object.keys(files) });
  } finally {
    host.close();
  }
}

/** Runs Detect then Plan (with the detected facts) for `jobs` over a temp repository. */
export async function planIn(
  module: PluginDefinition,
  files: Record<string, string>,
  jobs: MessageInitShape<typeof PlanJobSchema>[],
) {
  const root = tempRepo(files);
  const host = createTestHost(module);
  try {
    const detected = await host.call("detect", { root, files: Object.keys(files) });
    return await host.call("plan", { repoRoot: root, facts: detected.facts, jobs, configJson: "{}" });
  } finally {
    host.close();
  }
}
export { describeStep, describeStepLine, installScript, shellcheck, shellcheckBash, show } from "./testing-steps";
