import { execFileSync } from "node:child_process";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HOME_CACHE_DIR, homeCachePath, homeLinkLines, relocateHomePaths, uncachablePaths } from "./home-caches";

describe("homeCachePath", () => {
  it("maps a home-relative path into .cigen/home", () => {
    expect(HOME_CACHE_DIR).toBe(".cigen/home");
    expect(homeCachePath("~/.npm")).toBe(".cigen/home/.npm");
    expect(homeCachePath("~/.cache/pip/")).toBe(".cigen/home/.cache/pip");
    expect(homeCachePath("~/./go//pkg/mod")).toBe(".cigen/home/go/pkg/mod");
  });

  it("leaves other paths alone", () => {
    for (const path of [
      ".yarn/cache",
      "target",
      "/var/cache",
      "../shared",
      "~",
      "~/",
      "~user/.npm",
      "~/..",
      "~/../x",
      "~/a/../../x",
      "~/.cache/*",
    ])
      expect(homeCachePath(path), path).toBeUndefined();
  });
});

describe("uncachablePaths", () => {
  it("keeps what a checkout-only cache cannot hold even after relocation, each once", () => {
    expect(
      uncachablePaths(["~/.npm", "/var/cache", "../shared", "..", "~user/.npm", "~/.cache/*", "/var/cache", "target"]),
    ).toEqual(["/var/cache", "../shared", "..", "~user/.npm", "~/.cache/*"]);
    expect(uncachablePaths(["..cache", ".yarn/cache", "~/.npm"])).toEqual([]);
  });
});

describe("relocateHomePaths", () => {
  it("relocates home paths in place and drops duplicates", () => {
    expect(relocateHomePaths(["~/.yarn/berry/cache", ".yarn/cache", "/opt/x", "~/.yarn/berry/cache/"])).toEqual([
      ".cigen/home/.yarn/berry/cache",
      ".yarn/cache",
      "/opt/x",
    ]);
  });
});

describe("homeLinkLines", () => {
  it("creates the folder and the parent, then links where nothing of the user's is in the way", () => {
    expect(homeLinkLines(["~/.cache/pip", "target"], '"$CI_PROJECT_DIR"')).toEqual([
      'mkdir -p "$CI_PROJECT_DIR"/.cigen/home/.cache/pip "$HOME"/.cache',
      'if [ -L "$HOME"/.cache/pip ] || [ ! -e "$HOME"/.cache/pip ] || rmdir "$HOME"/.cache/pip 2>/dev/null; then ln -sfn "$CI_PROJECT_DIR"/.cigen/home/.cache/pip "$HOME"/.cache/pip; fi',
    ]);
  });

  it("needs no parent for a path directly in the home directory, and quotes odd names", () => {
    expect(homeLinkLines(["~/my cache"], '"$PWD"')).toEqual([
      `mkdir -p "$PWD"/'.cigen/home/my cache'`,
      `if [ -L "$HOME"/'my cache' ] || [ ! -e "$HOME"/'my cache' ] || rmdir "$HOME"/'my cache' 2>/dev/null; then ln -sfn "$PWD"/'.cigen/home/my cache' "$HOME"/'my cache'; fi`,
    ]);
  });

  it("links each path once, sorted, skipping paths below a linked one", () => {
    const lines = homeLinkLines(["~/.cargo/registry", "~/.cargo", "~/.npm", "~/.cargo/git", "~/.npm/"], "/w");
    expect(lines.filter((l) => l.startsWith("mkdir"))).toEqual([
      "mkdir -p /w/.cigen/home/.cargo",
      "mkdir -p /w/.cigen/home/.npm",
    ]);
  });

  it("is empty without home paths", () => {
    expect(homeLinkLines(["target", "/opt/cache"], "/w")).toEqual([]);
  });

  describe("run by sh", () => {
    let dir = "";
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function runLines(paths: string[]) {
      const script = ["set -e", ...homeLinkLines(paths, '"$ROOT"')].join("\n");
      execFileSync("sh", ["-c", script], {
        env: { PATH: process.env.PATH, HOME: join(dir, "home"), ROOT: join(dir, "checkout") },
      });
    }

    it("links a missing path, an empty folder and an earlier link, and is idempotent", () => {
      dir = mkdtempSync(join(tmpdir(), "cigen-home-"));
      mkdirSync(join(dir, "home", ".npm"), { recursive: true }); // empty: replaced
      mkdirSync(join(dir, "elsewhere"));
      mkdirSync(join(dir, "home", ".cache"));
      symlinkSync(join(dir, "elsewhere"), join(dir, "home", ".cache", "pip")); // an earlier job's link
      mkdirSync(join(dir, "checkout"));
      for (let i = 0; i < 2; i++) {
        runLines(["~/.npm", "~/.cache/pip"]);
        for (const rest of [".npm", ".cache/pip"]) {
          const home = join(dir, "home", rest);
          expect(lstatSync(home).isSymbolicLink()).toBe(true);
          expect(readlinkSync(home)).toBe(join(dir, "checkout", ".cigen/home", rest));
          expect(lstatSync(join(dir, "checkout", ".cigen/home", rest)).isDirectory()).toBe(true);
        }
      }
      writeFileSync(join(dir, "home", ".npm", "new"), "y");
      expect(lstatSync(join(dir, "checkout", ".cigen/home/.npm/new")).isFile()).toBe(true);
    });

    it("leaves a home folder that holds files alone (a persistent home is the user's own cache)", () => {
      dir = mkdtempSync(join(tmpdir(), "cigen-home-"));
      mkdirSync(join(dir, "home", ".npm"), { recursive: true });
      writeFileSync(join(dir, "home", ".npm", "mine"), "x");
      mkdirSync(join(dir, "checkout"));
      runLines(["~/.npm"]);
      expect(lstatSync(join(dir, "home", ".npm")).isDirectory()).toBe(true);
      expect(readFileSync(join(dir, "home", ".npm", "mine"), "utf8")).toBe("x");
    });
  });
});
