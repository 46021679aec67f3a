/**
 * Pathological input through the real CLI: each ends in a clear diagnostic within seconds, never a
 * crash, a stack trace, a hang or a written file.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { tempRepo } from "../support/temp-repo";

function expectCleanFailure(r: { code: number | null; stderr: string; ms: number }, dir: string, message: RegExp) {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(/^cigen\.yml(:\d+:\d+)?: error CIGEN-CONFIG-\d+: /m);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at .*[(:]\d/);
  expect(existsSync(join(dir, ".github"))).toBe(false);
  expect(r.ms).toBeLessThan(15_000);
}

describe("pathological configs", () => {
  it("a 5 MB config is refused at once, before parsing", async () => {
    const filler = Array.from({ length: 70_000 }, (_, i) => `    step_${i}: "${"x".repeat(60)}"`).join("\n");
    const text = `jobs:\n  big:\n${filler}\n    steps:\n      - run: echo hi\n`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const dir = tempRepo({ "cigen.yml": text });
    const r = await runCli(["validate"], { cwd: dir });
    expectCleanFailure(r, dir, /the config is 5\.\d MB, more than the 2 MB cigen reads/);
  });

  it("a config nested 10,000 levels deep", async () => {
    const text = `jobs:\n  deep:\n    steps:\n      - run: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`;
    const dir = tempRepo({ "cigen.yml": text });
    const r = await runCli(["generate"], { cwd: dir });
    expectCleanFailure(r, dir, /nest/i);
  });

  it("a config nested 1,000 levels deep in block style", async () => {
    const lines = Array.from({ length: 1_000 }, (_, i) => `${" ".repeat(i)}k${i}:`);
    const dir = tempRepo({ "cigen.yml": `${lines.join("\n")} end\n` });
    const r = await runCli(["generate"], { cwd: dir });
    expectCleanFailure(r, dir, /nest/i);
  });

  it("10,000 levels of block indentation (50 MB) are refused for their size", async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `${" ".repeat(i)}k${i}:`);
    const dir = tempRepo({ "cigen.yml": `${lines.join("\n")} end\n` });
    const r = await runCli(["generate"], { cwd: dir });
    expectCleanFailure(r, dir, /more than the 2 MB cigen reads/);
  });

  it("binary garbage", async () => {
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const dir = tempRepo({});
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "cigen.yml"), bytes);
    const r = await runCli(["generate"], { cwd: dir });
    expectCleanFailure(r, dir, /text|binary|UTF-8/i);
  });

  it("an alias bomb (billion laughs)", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    const dir = tempRepo({
      "cigen.yml": `variables:\n${levels.map((l) => `  ${l}`).join("\n")}\njobs:\n  t:\n    steps:\n      - run: hi\n`,
    });
    const r = await runCli(["generate"], { cwd: dir });
    expectCleanFailure(r, dir, /alias/i);
  });
});
