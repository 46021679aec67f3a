import type { PackageManager } from "./package-manager";

/** The shell that makes the package manager available and installs the dependencies. */
export interface InstallCommands {
  /** Makes the manager available; absent for npm, which comes with Node.js. */
  activate?: { name: string; command: string };
  install: { name: string; command: string };
  /** Where the manager keeps downloaded packages, for the cache. */
  cachePaths: string[];
}

/** pnpm's store, set explicitly so the cache path does not depend on pnpm's version or XDG settings. */
export const PNPM_STORE = "~/.pnpm-store";

/**
 * What a job runs for the detected manager. Frozen installs when a lock file exists (`npm ci`,
 * `--frozen-lockfile`, `--immutable`), because CI must install what was reviewed; without one,
 * pnpm and yarn 2+ must be told not to freeze, since both freeze by default when they see CI=true.
 */
export function installCommands(pm: PackageManager): InstallCommands {
  const locked = pm.lockFiles.length > 0;
  switch (pm.name) {
    case "npm":
      return {
        install: { name: "Install dependencies (npm)", command: locked ? "npm ci" : "npm install" },
        cachePaths: ["~/.npm"],
      };
    case "pnpm":
      return {
        activate: activation(pm),
        install: {
          name: "Install dependencies (pnpm)",
          command: `pnpm config set store-dir ${PNPM_STORE} --global && pnpm install ${locked ? "--frozen-lockfile" : "--no-frozen-lockfile"}`,
        },
        cachePaths: [PNPM_STORE],
      };
    case "yarn":
      return {
        activate: activation(pm),
        install: {
          name: "Install dependencies (yarn)",
          command:
            pm.yarn === "berry"
              ? `yarn install ${locked ? "--immutable" : "--no-immutable"}`
              : `yarn install${locked ? " --frozen-lockfile" : ""}`,
        },
        // Yarn 4 keeps its cache in ~/.yarn/berry/cache, Yarn 2 and 3 in the project's .yarn/cache.
        cachePaths: pm.yarn === "berry" ? ["~/.yarn/berry/cache", ".yarn/cache"] : ["~/.cache/yarn"],
      };
    case "bun":
      return {
        activate: activation(pm),
        install: { name: "Install dependencies (bun)", command: `bun install${locked ? " --frozen-lockfile" : ""}` },
        cachePaths: ["~/.bun/install/cache"],
      };
  }
}

/**
 * How the manager gets onto PATH. A declared pnpm or yarn comes from corepack, which reads the
 * exact version from `packageManager`; corepack itself is installed first where Node.js no longer
 * ships it (25+). Otherwise the manager is installed with npm (bun publishes its binary there too),
 * at the version the repository implies, or kept when one is already on PATH and none is implied.
 * Global installs write next to node, which is root's on a machine where the toolchain step
 * installed Node.js into /usr/local, so each retries with sudo.
 */
function activation(pm: PackageManager): { name: string; command: string } {
  if (pm.declared && pm.name !== "bun") {
    return {
      name: "Enable corepack",
      command: `command -v corepack >/dev/null || ${global("npm install -g corepack")}\n${global("corepack enable")}`,
    };
  }
  const install = global(`npm install -g ${pm.name}${pm.version ? `@${pm.version}` : ""}`);
  return {
    name: `Install ${pm.name}${pm.version ? ` ${pm.version}` : ""}`,
    command: pm.version ? install : `command -v ${pm.name} >/dev/null || ${install}`,
  };
}

function global(command: string): string {
  return `${command} || sudo ${command}`;
}
