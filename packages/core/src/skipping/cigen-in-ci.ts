/**
 * How generated CI gets and runs cigen (for the planning job and the record steps). Decided once
 * by the core from the repository, so that every provider writes the same answer:
 *
 * - The root package.json declares cigen (the `cigen` package): CI installs the repository's packages with the package
 *   manager its lock file belongs to, and runs that exact locked cigen.
 * - Otherwise (a Go, Ruby, Python or Rust project, or a Node one that does not list cigen): CI
 *   runs the published cigen at the version that generated the files, through `npx`, which needs
 *   nothing from the repository. An `npm ci` there would fail for want of a package.json. When a
 *   module the config uses was found in the repository's node_modules (a third-party module
 *   installed as a devDependency), CI installs the repository's packages all the same, since
 *   cigen finds that module only there.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { CIGEN_VERSION } from "../version";

/**
 * The package users depend on (packages/cli, which depends on the plugins shipped with cigen so
 * that installing it installs them), and the one `npx` fetches.
 */
const CIGEN_PACKAGE = "cigen";

/** What the Generate flags `skip.install` and `skip.command` carry. */
export interface CigenInCi {
  /** A shell command that makes `command` runnable; empty when `command` fetches cigen itself. */
  install: string;
  /** The command prefix that runs cigen, e.g. `npx --no-install cigen`. */
  command: string;
}

/**
 * Lock files in the order their package managers are preferred when several are present, each
 * with the install that reproduces it exactly. Scripts are not run: planning needs cigen, not the
 * repository's build hooks. pnpm and yarn come through corepack (shipped with Node 20-24), called
 * as `corepack <tool>` because `corepack enable` writes to Node's install folder, which is not
 * writable in many CI images.
 */
const NPM_CI = "npm ci --ignore-scripts --no-audit --no-fund";
const INSTALLS: { lockFile: string; install: string | ((head: string) => string); command?: string }[] = [
  { lockFile: "package-lock.json", install: NPM_CI },
  { lockFile: "npm-shrinkwrap.json", install: NPM_CI },
  { lockFile: "pnpm-lock.yaml", install: "corepack pnpm install --frozen-lockfile --ignore-scripts" },
  {
    lockFile: "yarn.lock",
    // Yarn 2+ writes a __metadata entry first (after its header comment); classic Yarn 1 does not
    // and spells the flags differently.
    install: (head) =>
      head.includes("__metadata:")
        ? "corepack yarn install --immutable --mode=skip-build"
        : "corepack yarn install --frozen-lockfile --ignore-scripts",
    // Yarn 2+ may install without node_modules (Plug'n'Play), where npx finds no cigen; yarn does.
    command: "corepack yarn run cigen",
  },
  { lockFile: "bun.lock", install: "npx --yes bun install --frozen-lockfile --ignore-scripts" },
  { lockFile: "bun.lockb", install: "npx --yes bun install --frozen-lockfile --ignore-scripts" },
];

/** The repository's own cigen runs from its node_modules, whatever installed it. */
const LOCAL_COMMAND = "npx --no-install cigen";

/**
 * Decides how CI runs cigen for the repository at `repoRoot`, whose modules were found where
 * `modules` say (cigen.lock's `source`; see the file comment).
 */
export function cigenInCi(repoRoot: string, modules: readonly { source: string }[] = []): CigenInCi {
  const fetched = `npx --yes ${CIGEN_PACKAGE}@${CIGEN_VERSION}`;
  const declared = declaresCigen(repoRoot);
  if (!declared && !modules.some((m) => m.source === "node_modules")) return { install: "", command: fetched };
  const locked = repositoryInstall(repoRoot);
  return { install: locked.install, command: declared ? locked.command : fetched };
}

/** The install that reproduces the repository's lock file, and how its own cigen then runs. */
function repositoryInstall(repoRoot: string): CigenInCi {
  for (const { lockFile, install, command } of INSTALLS) {
    const path = join(repoRoot, lockFile);
    if (!existsSync(path)) continue;
    const text = typeof install === "string" ? install : install(headOf(path));
    return { install: text, command: command ?? LOCAL_COMMAND };
  }
  // No lock file: nothing to reproduce exactly, so npm resolves the declared ranges.
  return { install: "npm install --ignore-scripts --no-audit --no-fund", command: LOCAL_COMMAND };
}

/**
 * The first KiB of a file: enough for what a lock file says of its format at the top, without
 * reading a lock file of megabytes on every generate.
 */
function headOf(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(1024);
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** True when the root package.json lists cigen among its dependencies of any kind. */
function declaresCigen(repoRoot: string): boolean {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
  } catch {
    // No package.json, or one npm could not read either: the repository cannot install cigen.
    return false;
  }
  if (!manifest || typeof manifest !== "object") return false;
  const fields = ["dependencies", "devDependencies", "optionalDependencies"] as const;
  return fields.some((field) => {
    const deps = (manifest as Record<string, unknown>)[field];
    return !!deps && typeof deps === "object" && CIGEN_PACKAGE in deps;
  });
}
