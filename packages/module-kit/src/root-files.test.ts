import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { rootFileNames, rootNamesOf } from "./root-files";
import { tempRepo } from "./testing";

describe("root file names", () => {
  it("lists what a checkout has in a git repository: tracked and untracked, not ignored, not nested", () => {
    const root = tempRepo({ ".gitignore": "Cargo.lock\n", "Cargo.toml": "", "Cargo.lock": "", "src/lib.rs": "" });
    execFileSync("git", ["init", "-q"], { cwd: root });
    execFileSync("git", ["add", "Cargo.toml"], { cwd: root });
    expect([...rootFileNames(root)].sort()).toEqual([".gitignore", "Cargo.toml"]);
  });

  it("lists the folder's files outside git", () => {
    const root = tempRepo({ "go.mod": "", "cmd/main.go": "" });
    expect([...rootFileNames(root)]).toEqual(["go.mod"]);
  });

  it("keeps the root-level names of a snapshot", () => {
    expect([...rootNamesOf(["a.txt", "b/c.txt", ".tool-versions"])]).toEqual(["a.txt", ".tool-versions"]);
  });
});
