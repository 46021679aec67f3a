import { parsePaths } from "./git-paths";
import { runGit } from "./run-git";

/** The git settings that change how a work-tree file becomes a blob. */
export interface GitSettings {
  /** `core.autocrlf` (`true`, `input`, or `false` when unset). */
  autocrlf: string;
  /** `core.fileMode`: when false, git keeps the index's executable bit instead of the file's. */
  fileMode: boolean;
  /** `core.symlinks`: when false, symlinks are checked out as plain files holding the target. */
  symlinks: boolean;
  /** `sha1` or `sha256` (`extensions.objectFormat`). */
  objectFormat: "sha1" | "sha256";
}

/** git's own reading of the settings (system, global, repository and included config files). */
export async function readGitSettings(repoRoot: string): Promise<GitSettings> {
  const config = await runGit(
    repoRoot,
    ["config", "-z", "--get-regexp", "^(core\\.(autocrlf|filemode|symlinks)|extensions\\.objectformat)$"],
    { okCodes: [1] },
  );
  return parseSettings(config);
}

function parseSettings(buffer: Buffer): GitSettings {
  const settings: GitSettings = { autocrlf: "false", fileMode: true, symlinks: true, objectFormat: "sha1" };
  for (const entry of parsePaths(buffer, [])) {
    const newline = entry.indexOf("\n");
    const key = entry.slice(0, newline).toLowerCase();
    const value = newline === -1 ? "true" : entry.slice(newline + 1).toLowerCase();
    const on = !["false", "no", "off", "0", ""].includes(value);
    if (key === "core.autocrlf") settings.autocrlf = on ? (value === "input" ? "input" : "true") : "false";
    else if (key === "core.filemode") settings.fileMode = on;
    else if (key === "core.symlinks") settings.symlinks = on;
    else if (key === "extensions.objectformat") settings.objectFormat = value === "sha256" ? "sha256" : "sha1";
  }
  return settings;
}
