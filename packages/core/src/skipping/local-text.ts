import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { arch, platform } from "node:os";
import { join } from "node:path";
import type { Text } from "@cigen/protocol";

/** What runtime references resolve to on this machine. */
export interface LocalFacts {
  repoRoot: string;
  commit?: string;
  branch?: string;
}

/**
 * Writes a model `Text` for a local bash run. In commands, `{{ env.X }}` and `{{ secrets.X }}`
 * stay `${X}` so bash expands them from the step's environment (as CI does); in env values
 * (`asValue`) they are resolved now from `env`, since a value is not passed through a shell.
 */
export function localText(text: Text | undefined, facts: LocalFacts, env: NodeJS.ProcessEnv, asValue = false): string {
  if (!text) return "";
  return text.parts
    .map((part) => {
      const { kind } = part;
      switch (kind.case) {
        case "literal":
          return kind.value;
        case "env":
        case "secret":
          return asValue ? (env[kind.value] ?? "") : `\${${kind.value}}`;
        case "git":
          return (kind.value === "sha" ? facts.commit : facts.branch) ?? "";
        case "checksum":
          return checksum(join(facts.repoRoot, kind.value));
        case "platform":
          return kind.value === "os" ? platform() : arch() === "arm64" ? "arm64" : "amd64";
        default:
          return "";
      }
    })
    .join("");
}

/** SHA-256 of a file's content; empty when the file does not exist (as providers do). */
function checksum(path: string): string {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return "";
  }
}
