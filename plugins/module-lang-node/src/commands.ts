import { readRepoFile } from "@cigen/module-kit";
import type { PackageJson } from "./package-json";
import type { PackageManager } from "./package-manager";

/** The scripts `cigen init` suggests as the lint, test and build jobs' commands. */
export const SUGGESTED_SCRIPTS = ["lint", "test", "build"] as const;

/**
 * Suggested commands from package.json scripts, run through the detected manager ("pnpm run lint";
 * `run` always, since `bun test` would start bun's own test runner instead of the script). In a
 * monorepo whose root lacks a script that workspace packages have, the manager's run-everywhere
 * form is suggested. npm's placeholder test script (which only fails) is no test.
 */
export function suggestedCommands(
  root: string,
  pkg: PackageJson | undefined,
  pm: PackageManager,
  memberManifests: readonly string[],
): Partial<Record<(typeof SUGGESTED_SCRIPTS)[number], string>> {
  const out: Partial<Record<(typeof SUGGESTED_SCRIPTS)[number], string>> = {};
  const members = memberManifests.map((file) => scriptsOf(readRepoFile(root, file)));
  for (const script of SUGGESTED_SCRIPTS) {
    if (hasScript(scriptsOf(pkg?.text), script)) out[script] = `${pm.name} run ${script}`;
    else if (members.some((scripts) => hasScript(scripts, script))) {
      const everywhere = runEverywhere(pm, script);
      if (everywhere) out[script] = everywhere;
    }
  }
  return out;
}

function runEverywhere(pm: PackageManager, script: string): string | undefined {
  switch (pm.name) {
    case "npm":
      return `npm run ${script} --workspaces --if-present`;
    case "pnpm":
      return `pnpm -r run ${script}`;
    case "bun":
      return `bun run --filter '*' ${script}`;
    case "yarn":
      // Yarn 1 has no way to skip workspaces without the script, so it gets no suggestion.
      return pm.yarn === "berry" ? `yarn workspaces foreach --all run ${script}` : undefined;
  }
}

function scriptsOf(text: string | undefined): Record<string, unknown> {
  try {
    const data = text === undefined ? undefined : JSON.parse(text);
    return data?.scripts && typeof data.scripts === "object" ? data.scripts : {};
  } catch {
    return {};
  }
}

function hasScript(scripts: Record<string, unknown>, name: string): boolean {
  const body = scripts[name];
  return typeof body === "string" && body.trim() !== "" && !/no test specified/.test(body);
}
