import { existsSync } from "node:fs";
import { join } from "node:path";
import { evidence, findInFile, readRepoFile, warning } from "@cigen/module-kit";
import type { Diagnostic, SourceLocation } from "@cigen/protocol";
import { NodeCodes } from "./codes";
import { type PackageJson, stringField } from "./package-json";

export type ManagerName = "npm" | "pnpm" | "yarn" | "bun";

export interface PackageManager {
  name: ManagerName;
  /** Yarn 2+ ("berry", .yarnrc.yml, `yarn install --immutable`) or 1.x ("classic"). */
  yarn?: "berry" | "classic";
  /** "9.1.0" from packageManager, or what the lock file or .yarnrc.yml implies ("9"); may be absent. */
  version?: string;
  /** package.json `packageManager` names it, so corepack provides that exact version. */
  declared: boolean;
  /** Where the choice comes from: package.json `packageManager`, a lock file, or package.json alone. */
  at: SourceLocation;
  /** This manager's lock files that exist, repository-relative. */
  lockFiles: string[];
  /** Other files the install reads that enter the signature (.yarnrc.yml, pnpm-workspace.yaml). */
  configFiles: string[];
  diagnostics: Diagnostic[];
}

/** Each manager's lock files; the order of this table is the pick order when several exist. */
const LOCK_FILES: ReadonlyArray<[ManagerName, readonly string[]]> = [
  ["pnpm", ["pnpm-lock.yaml"]],
  ["yarn", ["yarn.lock"]],
  ["bun", ["bun.lock", "bun.lockb"]],
  ["npm", ["package-lock.json", "npm-shrinkwrap.json"]],
];

/**
 * The package manager: package.json `packageManager` ("pnpm@9.1.0+sha512...") wins because
 * corepack enforces it; then the lock files, preferring pnpm, yarn and bun over npm when several
 * exist (a stray package-lock.json usually comes from someone running `npm install` once); npm
 * when there is neither.
 */
export function detectPackageManager(root: string, pkg: PackageJson | undefined): PackageManager {
  const diagnostics: Diagnostic[] = [];
  const locks = LOCK_FILES.map(([name, files]) => ({ name, files: files.filter((f) => existsSync(join(root, f))) }));
  const present = locks.filter((l) => l.files.length > 0);
  const field = pkg && stringField(pkg, ["packageManager"]);
  const declared =
    field && /^(npm|pnpm|yarn|bun)@(\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?)(?:\+\S*)?$/.exec(field.value.trim());
  if (field && !declared) {
    diagnostics.push(
      warning(
        NodeCodes.MANAGER_UNREADABLE,
        `package.json packageManager "${field.value}" is not <npm|pnpm|yarn|bun>@<version>; it is ignored`,
        'write it as corepack expects, e.g. "pnpm@9.1.0"',
        field.at,
      ),
    );
  }

  let name: ManagerName;
  let version: string | undefined;
  let at: SourceLocation;
  if (field && declared) {
    name = declared[1] as ManagerName;
    version = declared[2];
    at = field.at;
    const stray = present.filter((l) => l.name !== name).flatMap((l) => l.files);
    if (stray.length) {
      diagnostics.push(
        warning(
          NodeCodes.MANAGER_MISMATCH,
          `package.json packageManager says ${name}, but ${stray.join(", ")} belong${stray.length === 1 ? "s" : ""} to another package manager; ${name} is used`,
          `remove ${stray.join(", ")}, or change packageManager`,
          field.at,
        ),
      );
    }
  } else if (present.length) {
    name = present[0].name;
    at = evidence(present[0].files[0]);
    if (present.length > 1) {
      const all = present.flatMap((l) => l.files);
      diagnostics.push(
        warning(
          NodeCodes.SEVERAL_LOCK_FILES,
          `lock files of several package managers: ${all.join(", ")}; ${name} is used`,
          `remove the lock files of the managers you do not use, or set "packageManager" in package.json`,
          at,
        ),
      );
    }
  } else {
    name = "npm";
    at = evidence("package.json");
  }

  const lockFiles = locks.find((l) => l.name === name)?.files ?? [];
  if (!lockFiles.length) {
    diagnostics.push(
      warning(
        NodeCodes.NO_LOCK_FILE,
        `no ${name} lock file: every CI run resolves dependency versions afresh`,
        `commit the lock file ${name} writes (${LOCK_FILES.find(([n]) => n === name)?.[1][0]})`,
        evidence("package.json"),
      ),
    );
  }
  const yarn = name === "yarn" ? yarnFlavor(root, version) : undefined;
  version ??= impliedVersion(root, name);
  const configFiles = [".yarnrc.yml", "pnpm-workspace.yaml"].filter((f) => existsSync(join(root, f)));
  return { name, yarn, version, declared: Boolean(declared), at, lockFiles, configFiles, diagnostics };
}

/**
 * Yarn 1 or 2+: a declared version says so; else .yarnrc.yml (berry's config) or a berry lock file
 * (it has a `__metadata:` block, classic's starts with "# yarn lockfile v1").
 */
function yarnFlavor(root: string, declared: string | undefined): "berry" | "classic" {
  if (declared) return declared.startsWith("1.") || declared === "1" ? "classic" : "berry";
  if (existsSync(join(root, ".yarnrc.yml"))) return "berry";
  return /^__metadata:/m.test(readRepoFile(root, "yarn.lock") ?? "") ? "berry" : "classic";
}

/**
 * The version a repository implies without `packageManager`: berry's `yarnPath` release file
 * (".yarn/releases/yarn-4.1.0.cjs"), or the pnpm major that writes the lock file's format. Lock
 * format 9.0 is written by pnpm 9 and 10; 9 is chosen because pnpm 10 stopped running dependencies'
 * install scripts by default, which breaks projects made with 9, while the reverse works.
 */
function impliedVersion(root: string, name: ManagerName): string | undefined {
  if (name === "yarn") return findInFile(root, ".yarnrc.yml", /^yarnPath:.*yarn-(\d+\.\d+\.\d+)\.c?js/m)?.value;
  if (name !== "pnpm") return undefined;
  const format = findInFile(root, "pnpm-lock.yaml", /^lockfileVersion:\s*['"]?([\d.]+)/m)?.value;
  const majors: Record<string, string> = { "5.3": "6", "5.4": "7", "6.0": "8", "6.1": "8", "9.0": "9" };
  return format ? majors[format] : undefined;
}
