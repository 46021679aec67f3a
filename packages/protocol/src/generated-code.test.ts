/**
 * The generated protobuf code is committed; this fails when it no longer matches the .proto files
 * (someone edited one without running `npm run generate:proto`, or edited generated code by hand).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "cigen-proto-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it("packages/protocol/src/gen is what buf generates from proto/", () => {
  execFileSync(join(root, "node_modules/.bin/buf"), ["generate", "-o", out], { cwd: root, stdio: "pipe" });
  const dir = "packages/protocol/src/gen/cigen/plugin/v1";
  const files = readdirSync(join(root, dir)).sort();
  expect(readdirSync(join(out, dir)).sort()).toEqual(files);
  for (const f of files) {
    expect(readFileSync(join(root, dir, f), "utf8"), f).toBe(readFileSync(join(out, dir, f), "utf8"));
  }
});
