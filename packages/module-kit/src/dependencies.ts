import type { SourceLocation } from "@cigen/protocol";
import { parse as parseToml } from "smol-toml";
import { evidence, readRepoFile } from "./repo-files";

/** Package names to look for, per ecosystem, as each registry spells them. */
export interface DependencyNames {
  /** RubyGems: Gemfile.lock specs, Gemfile `gem` lines. */
  gems?: readonly string[];
  /** npm: package.json dependency sections. */
  npm?: readonly string[];
  /** PyPI (compared as PEP 503 normalizes them): requirements files, pyproject.toml, Pipfile, lock files. */
  python?: readonly string[];
  /** Go module paths; a major-version suffix (`/v5`) matches too: go.mod. */
  go?: readonly string[];
  /** crates.io: Cargo.lock packages, Cargo.toml dependency keys. */
  cargo?: readonly string[];
}

/** One dependency found, with where its name is written. */
export interface DependencyFinding {
  /** The name as given in DependencyNames. */
  name: string;
  file: string;
  at: SourceLocation;
}

/**
 * Folders whose manifests describe something other than the repository's own code (installed
 * packages, test fixtures), so a dependency found there is not evidence about the project.
 */
const FOREIGN = /(^|\/)(node_modules|vendor|\.git|testdata|fixtures|__fixtures__|third_party)\//;

type Matcher = (name: string) => RegExp;

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** PyPI names compare case-insensitively with runs of -, _ and . as one separator (PEP 503). */
const pep503 = (name: string) =>
  name
    .split(/[-_.]+/)
    .map(literal)
    .join("[-_.]+");

// Each pattern's group 1 is the name, so evidence points at it.
const gemfileLock: Matcher = (n) => new RegExp(`^ {4}(${literal(n)}) \\(`, "m");
const gemfile: Matcher = (n) => new RegExp(`^\\s*gem\\s+["'](${literal(n)})["']`, "m");
const requirements: Matcher = (n) => new RegExp(`^\\s*(${pep503(n)})(?=\\s*(?:[<>=!~;\\[@#]|$))`, "im");
/** PEP 621 strings ("psycopg[binary]>=3"), Poetry/Pipfile keys (`redis = "^5"`) and Pipfile.lock keys. */
const pythonManifest: Matcher = (n) => new RegExp(`(?:^[ \\t]*|["'])(${pep503(n)})(?=\\s*[<>=!~;\\[@"',]|\\s*$)`, "im");
const pythonLock: Matcher = (n) => new RegExp(`^name = "(${pep503(n)})"$`, "im");
const goMod: Matcher = (n) => new RegExp(`(?:^|\\s)(${literal(n)})(?:/v\\d+)?\\s+v\\d`, "m");
const cargoLock: Matcher = (n) => new RegExp(`^name = "(${literal(n)})"$`, "m");
const cargoToml: Matcher = (n) =>
  new RegExp(`^\\s*(${literal(n)})\\s*=|^\\[(?:dev-)?dependencies\\.(${literal(n)})\\]`, "m");

/** Which names apply to a file, and how they are written in it; undefined for files of no ecosystem. */
function matcherFor(path: string, names: DependencyNames): { names: readonly string[]; match: Matcher } | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base === "Gemfile.lock") return { names: names.gems ?? [], match: gemfileLock };
  if (base === "Gemfile" || base === "gems.rb") return { names: names.gems ?? [], match: gemfile };
  if (
    /^([\w.-]*[-_.])?requirements([-_.][\w.-]*)?\.(txt|in)$/.test(base) ||
    /(^|\/)requirements\/[^/]+\.(txt|in)$/.test(path)
  )
    return { names: names.python ?? [], match: requirements };
  if (["Pipfile.lock", "setup.cfg", "setup.py"].includes(base))
    return { names: names.python ?? [], match: pythonManifest };
  if (base === "poetry.lock" || base === "uv.lock" || base === "pdm.lock")
    return { names: names.python ?? [], match: pythonLock };
  if (base === "go.mod") return { names: names.go ?? [], match: goMod };
  if (base === "Cargo.lock") return { names: names.cargo ?? [], match: cargoLock };
  if (base === "Cargo.toml") return { names: names.cargo ?? [], match: cargoToml };
  return undefined;
}

/**
 * Every dependency of `names` that the repository's manifests and lock files declare, root files
 * first (a monorepo's packages follow), each with the position of the name in its file.
 */
export function findDependencies(root: string, files: readonly string[], names: DependencyNames): DependencyFinding[] {
  const findings: DependencyFinding[] = [];
  for (const file of byDepth(files)) {
    if (FOREIGN.test(file)) continue;
    const base = file.slice(file.lastIndexOf("/") + 1);
    if (base === "package.json") {
      findings.push(...packageJsonDependencies(root, file, names.npm ?? []));
      continue;
    }
    if (base === "pyproject.toml" || base === "Pipfile") {
      findings.push(...tomlPythonDependencies(root, file, names.python ?? []));
      continue;
    }
    const matcher = matcherFor(file, names);
    if (!matcher?.names.length) continue;
    const content = readRepoFile(root, file);
    if (content === undefined) continue;
    for (const name of matcher.names) {
      const m = matcher.match(name).exec(content);
      if (!m) continue;
      const group = m[1] ?? m[2];
      findings.push({ name, file, at: evidence(file, content, m.index + m[0].indexOf(group)) });
    }
  }
  return findings;
}

const NPM_SECTIONS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

/** package.json is read as JSON (a name in "scripts" is no dependency), then the name located in the text. */
function packageJsonDependencies(root: string, file: string, names: readonly string[]): DependencyFinding[] {
  if (!names.length) return [];
  const content = readRepoFile(root, file);
  if (content === undefined) return [];
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(content);
  } catch {
    return [];
  }
  const findings: DependencyFinding[] = [];
  for (const name of names) {
    const section = NPM_SECTIONS.find((s) => {
      const deps = manifest?.[s];
      return typeof deps === "object" && deps !== null && Object.hasOwn(deps, name);
    });
    if (!section) continue;
    const sectionAt = Math.max(0, content.indexOf(`"${section}"`));
    const nameAt = content.indexOf(`"${name}"`, sectionAt);
    findings.push({ name, file, at: evidence(file, content, nameAt === -1 ? sectionAt : nameAt + 1) });
  }
  return findings;
}

/**
 * pyproject.toml and Pipfile are parsed, so a name among `keywords` or in a description is no
 * dependency: PEP 621 `dependencies` and optional dependencies, PEP 735 groups, Poetry's
 * dependency tables and groups, Pipfile's packages and dev-packages.
 */
function tomlPythonDependencies(root: string, file: string, names: readonly string[]): DependencyFinding[] {
  if (!names.length) return [];
  const content = readRepoFile(root, file);
  if (content === undefined) return [];
  let declared: Set<string>;
  try {
    declared = new Set([...declaredPythonNames(parseToml(content))].map(normalizePython));
  } catch {
    return [];
  }
  return names
    .filter((name) => declared.has(normalizePython(name)))
    .map((name) => {
      const m = pythonManifest(name).exec(content);
      return { name, file, at: evidence(file, content, m ? m.index + m[0].indexOf(m[1]) : 0) };
    });
}

function* declaredPythonNames(doc: Record<string, unknown>): Generator<string> {
  const requirement = (spec: unknown) =>
    typeof spec === "string" ? /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1] : undefined;
  const project = table(doc.project);
  for (const spec of list(project.dependencies)) yield* optional(requirement(spec));
  for (const group of Object.values(table(project["optional-dependencies"])))
    for (const spec of list(group)) yield* optional(requirement(spec));
  for (const group of Object.values(table(doc["dependency-groups"])))
    for (const spec of list(group)) yield* optional(requirement(spec));
  const poetry = table(table(doc.tool).poetry);
  yield* Object.keys(table(poetry.dependencies));
  yield* Object.keys(table(poetry["dev-dependencies"]));
  for (const group of Object.values(table(poetry.group))) yield* Object.keys(table(table(group).dependencies));
  yield* Object.keys(table(doc.packages));
  yield* Object.keys(table(doc["dev-packages"]));
}

const table = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const optional = (v: string | undefined): string[] => (v === undefined ? [] : [v]);
const normalizePython = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

/** Root files first, then by depth and path, so the first finding is the most representative one. */
function byDepth(files: readonly string[]): string[] {
  const depth = (p: string) => p.split("/").length;
  return [...files].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
}
