import { lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** Where a work tree's index is, found without starting git. */
export interface RepositoryLayout {
  /** The work tree's top directory. */
  top: string;
  /** The path of the asked directory below `top`, with a trailing `/` ("" at the top). */
  base: string;
  indexFile: string;
  hashBytes: 20 | 32;
}

/**
 * Variables that move the repository, the work tree or the index (git sets some of them for hooks);
 * with any of them set, git itself is asked.
 */
const RELOCATING = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_COMMON_DIR",
  "GIT_CEILING_DIRECTORIES",
  "GIT_DISCOVERY_ACROSS_FILESYSTEM",
];

/**
 * Finds the repository that `dir` belongs to the way git's discovery does in the common layouts: a
 * `.git` directory, or a `.git` file pointing elsewhere (worktrees, submodules), in `dir` or above.
 * Returns undefined whenever git's answer could differ (relocating variables, a bare or unusual
 * repository, `core.worktree`, an unknown repository extension): the caller then asks git.
 */
export function locateRepository(dir: string, env: NodeJS.ProcessEnv = process.env): RepositoryLayout | undefined {
  if (RELOCATING.some((name) => env[name] !== undefined)) return undefined;
  let start: string;
  try {
    start = realpathSync(dir);
  } catch {
    return undefined;
  }
  for (let top = start; ; top = dirname(top)) {
    const gitDir = gitDirAt(top);
    if (gitDir === "not-a-repository") return undefined;
    if (gitDir !== undefined) return layoutOf(top, start, gitDir);
    if (dirname(top) === top) return undefined;
  }
}

/** The git directory `.git` in `top` names, undefined when there is none, "not-a-repository" when odd. */
function gitDirAt(top: string): string | undefined | "not-a-repository" {
  const dotGit = join(top, ".git");
  try {
    const stat = lstatSync(dotGit, { throwIfNoEntry: false });
    if (stat === undefined) return undefined;
    if (stat.isDirectory()) return dotGit;
    if (!stat.isFile()) return "not-a-repository";
    const match = /^gitdir: (.+?)\r?\n?$/.exec(readFileSync(dotGit, "utf8"));
    return match ? resolve(top, match[1]) : "not-a-repository";
  } catch {
    return "not-a-repository";
  }
}

function layoutOf(top: string, start: string, gitDir: string): RepositoryLayout | undefined {
  if (start.split(sep).includes(".git")) return undefined; // inside the git directory: no work tree
  const config = repositoryConfig(gitDir);
  if (config === undefined) return undefined;
  const base = relative(top, start).split(sep).join("/");
  return {
    top,
    base: base === "" ? "" : `${base}/`,
    indexFile: join(gitDir, "index"),
    hashBytes: config.objectFormat === "sha256" ? 32 : 20,
  };
}

/**
 * The few repository settings that decide how to read the index, from the repository's own config
 * file (where git reads `extensions.*` from: includes and global files cannot set them). Anything
 * that makes the work tree or format differ from the plain layout gives undefined.
 */
function repositoryConfig(gitDir: string): { objectFormat: string } | undefined {
  const texts: string[] = [];
  try {
    if (!statSync(join(gitDir, "HEAD")).isFile()) return undefined;
    const common = readOptional(join(gitDir, "commondir"));
    texts.push(readFileSync(join(common === undefined ? gitDir : resolve(gitDir, common.trim()), "config"), "utf8"));
    texts.push(readOptional(join(gitDir, "config.worktree")) ?? "");
  } catch {
    return undefined;
  }
  let objectFormat = "sha1";
  for (const text of texts) {
    const entries = configEntries(text);
    if (entries === undefined) return undefined;
    for (const [key, value] of entries) {
      if (key === "core.worktree" || (key === "core.bare" && isTrue(value))) return undefined;
      if (key === "core.repositoryformatversion" && !["0", "1"].includes(value)) return undefined;
      if (key === "extensions.objectformat") objectFormat = value;
      else if (key.startsWith("extensions.") && !KNOWN_EXTENSIONS.has(key)) return undefined;
    }
  }
  return objectFormat === "sha1" || objectFormat === "sha256" ? { objectFormat } : undefined;
}

/** `[section "sub"] key = value` lines as lower-cased (key, value); undefined on syntax it does not follow. */
function configEntries(text: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.replace(/(^|\s)[#;].*$/, "").trim();
    if (line === "") continue;
    const header = /^\[\s*([A-Za-z0-9.-]+)(\s+"[^"]*")?\s*\]$/.exec(line);
    if (header) {
      section = header[1].toLowerCase() + (header[2] ? "." : "");
      continue;
    }
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry || line.endsWith("\\")) return undefined;
    out.push([`${section}.${entry[1].toLowerCase()}`, (entry[2] ?? "true").replace(/^"(.*)"$/, "$1").toLowerCase()]);
  }
  return out;
}

/** Repository extensions that do not change where the index is or what it holds. */
const KNOWN_EXTENSIONS = new Set([
  "extensions.worktreeconfig",
  "extensions.preciousobjects",
  "extensions.partialclone",
  "extensions.noop",
  "extensions.refstorage",
]);

function isTrue(value: string): boolean {
  return !["false", "no", "off", "0", ""].includes(value);
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
