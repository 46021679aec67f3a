/**
 * Fault injection: every failure in the protocol spec's "Failures the core must survive" list,
 * caused by a real misbehaving plugin process started by the real CLI. Each must end quickly with
 * exit code 3, a diagnostic naming the plugin and what happened, the plugin's last stderr lines
 * where it wrote any, and no output file.
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/cli";
import { tempRepo } from "../support/temp-repo";

const CONFIG = "jobs:\n  test:\n    steps:\n      - run: echo hi\n";

/** Places the fixture plugin as `<mode>/cigen-provider-github.mjs` in a fresh repo. */
function repoWithPlugin(mode: string): { dir: string; plugin: string } {
  const dir = tempRepo({ "cigen.yml": CONFIG });
  mkdirSync(join(dir, mode));
  const plugin = join(dir, mode, "cigen-provider-github.mjs");
  copyFileSync(join(repoRoot, "test/fixtures/misbehaving-plugin/dist/plugin.mjs"), plugin);
  return { dir, plugin };
}

async function generateWith(mode: string, extra: string[] = []) {
  const { dir, plugin } = repoWithPlugin(mode);
  const result = await runCli(["generate", "--plugin", plugin, ...extra], { cwd: dir });
  return { ...result, dir };
}

const cases: { mode: string; code: string; message: RegExp; stderr?: string; extra?: string[] }[] = [
  {
    mode: "crash-before-handshake",
    code: "CIGEN-PLUGIN-006",
    message: /exited with code 2 during the handshake/,
    stderr: "error: cannot load configuration",
  },
  {
    mode: "crash-in-handshake",
    code: "CIGEN-PLUGIN-006",
    message: /was killed by SIGSEGV during the handshake/,
    stderr: "Segmentation fault (simulated)",
  },
  {
    mode: "crash-mid-call",
    code: "CIGEN-PLUGIN-007",
    message: /exited with code 1 during Generate/,
    stderr: "panic: index out of range",
  },
  { mode: "exit-silently", code: "CIGEN-PLUGIN-007", message: /exited \(code 0\) during Generate without answering/ },
  { mode: "garbage-stdout", code: "CIGEN-PLUGIN-008", message: /wrote text instead of frames: "debu/ },
  { mode: "oversized-frame", code: "CIGEN-PLUGIN-008", message: /67108864 bytes, above the 16777216-byte limit/ },
  { mode: "truncated-frame", code: "CIGEN-PLUGIN-008", message: /stream ended inside a frame/ },
  { mode: "undecodable-frame", code: "CIGEN-PLUGIN-008", message: /not a valid Envelope/ },
  { mode: "unknown-id", code: "CIGEN-PLUGIN-009", message: /answered call id \d+, which no call in flight has/ },
  {
    mode: "wrong-version",
    code: "CIGEN-PLUGIN-010",
    message: /speaks plugin protocol versions 7\.\.9; this cigen .* speaks 1\.\.1/,
  },
  {
    mode: "call-timeout",
    code: "CIGEN-PLUGIN-011",
    message: /did not answer Generate within 500 ms/,
    extra: ["--plugin-timeout", "500"],
  },
  {
    mode: "handshake-timeout",
    code: "CIGEN-PLUGIN-011",
    message: /did not answer the handshake within 500 ms/,
    extra: ["--handshake-timeout", "500"],
  },
  { mode: "flood-stdout", code: "CIGEN-PLUGIN-008", message: /wrote text instead of frames: "AAAA"/ },
];

describe("a misbehaving plugin ends in a clear diagnostic, never a hang or a partial file", () => {
  for (const c of cases) {
    it(c.mode, async () => {
      const r = await generateWith(c.mode, c.extra);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(`error ${c.code}: plugin cigen-provider-github`);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).toContain("hint:");
      if (c.stderr) expect(r.stderr).toContain(`stderr: ${c.stderr}`);
      expect(r.stderr).not.toMatch(/\n\s+at .*\(/); // no stack trace
      expect(existsSync(join(r.dir, ".github"))).toBe(false);
      expect(r.ms).toBeLessThan(10_000);
    });
  }

  it("a plugin file that cannot be executed", async () => {
    const dir = tempRepo({ "cigen.yml": CONFIG, "plugins/cigen-provider-github": "not a program\n" });
    const r = await runCli(["generate", "--plugin", join(dir, "plugins/cigen-provider-github")], { cwd: dir });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/error CIGEN-PLUGIN-005: plugin cigen-provider-github could not start .*EACCES/);
    expect(existsSync(join(dir, ".github"))).toBe(false);
  });

  it("shows a plugin's stderr lines with a [plugin] prefix at --verbose", async () => {
    const r = await generateWith("crash-mid-call", ["--verbose"]);
    expect(r.stderr).toContain("[cigen-provider-github] misbehaving plugin (crash-mid-call) got Generate");
  });

  it("reports the failures as JSON with --json", async () => {
    const r = await generateWith("crash-mid-call", ["--json"]);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.diagnostics[0]).toMatchObject({
      severity: "error",
      code: "CIGEN-PLUGIN-007",
      plugin: "cigen-provider-github",
    });
  });

  it("terminates a plugin that ignores shutdown, with a warning, and still writes the output", async () => {
    const r = await generateWith("ignores-shutdown");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning CIGEN-PLUGIN-012: plugin cigen-provider-github did not exit within 2000 ms");
    expect(existsSync(join(r.dir, ".github/workflows/ci.yml"))).toBe(true);
    expect(r.ms).toBeLessThan(8_000);
  });
});
