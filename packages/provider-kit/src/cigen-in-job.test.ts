/**
 * The record shell runs for real under /bin/sh, in a PATH without Node.js, against a local
 * stand-in for nodejs.org (CIGEN_NODE_DIST) that serves a fake Node.js release whose `npx` logs
 * its arguments: fetched, checked against SHASUMS256.txt, unpacked, used; and a record that cannot
 * happen ends with the notice, never a failure.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_FOR_CIGEN, recordOrNotice } from "./cigen-in-job";

const work = mkdtempSync(join(tmpdir(), "cigen-node-for-cigen-"));
const TOOLS = ["sh", "curl", "grep", "mktemp", "uname", "tar", "gzip", "sha256sum", "cat"];
const RECORD = "npx --yes cigen@1.2.3 record --job build --signature abc";
const FETCHED = { command: "npx --yes cigen@1.2.3", install: "" };

/** A folder with only the tools the script may use: no node, no npx. */
function toolsDir(): string {
  const dir = join(work, "tools");
  mkdirSync(dir);
  for (const tool of TOOLS) {
    const found = execFileSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).trim();
    symlinkSync(found, join(dir, tool));
  }
  return dir;
}

/** A fake Node.js release for linux-x64 and linux-arm64 whose npx writes its arguments to $NPX_LOG. */
function fakeRelease(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const sums: string[] = [];
  for (const arch of ["x64", "arm64"]) {
    const name = `node-v22.99.0-linux-${arch}`;
    const bin = join(work, name, "bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "npx"), '#!/bin/sh\nprintf \'%s\\n\' "$*" >> "$NPX_LOG"\n');
    chmodSync(join(bin, "npx"), 0o755);
    execFileSync("tar", ["-czf", `${name}.tar.gz`, name], { cwd: work });
    const tarball = readFileSync(join(work, `${name}.tar.gz`));
    files.set(`/latest-v22.x/${name}.tar.gz`, tarball);
    sums.push(`${createHash("sha256").update(tarball).digest("hex")}  ${name}.tar.gz`);
    // Other files of a real release, which the script must not pick.
    sums.push(`${"0".repeat(64)}  ${name}.tar.xz`, `${"1".repeat(64)}  node-v22.99.0-darwin-${arch}.tar.gz`);
  }
  files.set("/latest-v22.x/SHASUMS256.txt", Buffer.from(`${sums.join("\n")}\n`));
  return files;
}

let server: Server;
let dist = "";
let requests: string[] = [];
const files = new Map<string, Buffer>();
let tools = "";

beforeAll(async () => {
  tools = toolsDir();
  for (const [path, body] of fakeRelease()) files.set(path, body);
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const body = files.get(req.url ?? "");
    res.writeHead(body ? 200 : 404).end(body ?? "not found");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  dist = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs `script` with /bin/sh (asynchronously: the server answers from this process). */
function run(script: string, path: string, distUrl = dist): Promise<{ code: number; stderr: string; npx: string }> {
  const log = join(mkdtempSync(join(work, "run-")), "npx.log");
  writeFileSync(log, "");
  requests = [];
  return new Promise((done) => {
    execFile(
      "/bin/sh",
      ["-c", script],
      { env: { PATH: path, CIGEN_NODE_DIST: distUrl, NPX_LOG: log, HOME: work } },
      (error, _stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        done({ code, stderr, npx: readFileSync(log, "utf8") });
      },
    );
  });
}

describe("recording from a job without Node.js", () => {
  it("fetches Node.js, checks it against SHASUMS256.txt and records with its npx", async () => {
    const r = await run(recordOrNotice(FETCHED, "build", RECORD), tools);
    expect(r.stderr).toContain("no Node.js in this job; fetching Node.js 22");
    expect(r.stderr).not.toContain("could not record");
    expect(r.code).toBe(0);
    expect(r.npx).toBe("--yes cigen@1.2.3 record --job build --signature abc\n");
    expect(requests).toEqual([
      "/latest-v22.x/SHASUMS256.txt",
      expect.stringMatching(/^\/latest-v22\.x\/node-v22\.99\.0-linux-(x64|arm64)\.tar\.gz$/),
    ]);
  });

  it("refuses a download whose checksum differs, and ends with the notice", async () => {
    const sums = files.get("/latest-v22.x/SHASUMS256.txt") as Buffer;
    files.set("/latest-v22.x/SHASUMS256.txt", Buffer.from(sums.toString().replace(/^[0-9a-f]{64}/gm, "f".repeat(64))));
    try {
      const r = await run(recordOrNotice(FETCHED, "build", RECORD), tools);
      expect(r.code).toBe(0);
      expect(r.npx).toBe("");
      expect(r.stderr).toContain("cigen: could not record the success of build; it will run again next time");
    } finally {
      files.set("/latest-v22.x/SHASUMS256.txt", sums);
    }
  });

  it("ends with the notice when Node.js cannot be fetched", async () => {
    const r = await run(recordOrNotice(FETCHED, "build", RECORD), tools, "http://127.0.0.1:9");
    expect(r.code).toBe(0);
    expect(r.npx).toBe("");
    expect(r.stderr).toContain("could not record the success of build");
  });

  it("fetches nothing where npx is on PATH already", async () => {
    const own = join(work, "own-node");
    mkdirSync(own);
    writeFileSync(join(own, "npx"), '#!/bin/sh\nprintf \'own %s\\n\' "$*" >> "$NPX_LOG"\n');
    chmodSync(join(own, "npx"), 0o755);
    const r = await run(recordOrNotice(FETCHED, "build", RECORD), `${own}:${tools}`);
    expect(requests).toEqual([]);
    expect(r.npx).toBe("own --yes cigen@1.2.3 record --job build --signature abc\n");
  });

  it("is POSIX shell that shellcheck accepts", () => {
    const checked = spawnSync("shellcheck", ["-s", "sh", "-"], {
      input: `#!/bin/sh\n${NODE_FOR_CIGEN}\n${recordOrNotice(FETCHED, "build", RECORD)}\n`,
      encoding: "utf8",
    });
    expect(checked.error, "shellcheck must be installed").toBeUndefined();
    expect(checked.stdout).toBe("");
    expect(checked.status).toBe(0);
  });
});
