/**
 * What modules add enters the work signature (job-skipping.md, input 5): the real lang/node module
 * reads .nvmrc and the lock file, so changing either makes a job run again even though its
 * source_files list neither; a change elsewhere keeps the signature.
 */
import { describe, expect, it } from "vitest";
import { skipRepo } from "./skip-repo";

const CONFIG = `providers: [github]
packages: [node]
jobs:
  test:
    source_files: ["src/**"]
    steps:
      - run: npm test
`;

describe("module inputs in signatures", () => {
  it("changes with the detected version and the lock file, not with unrelated files", async () => {
    const repo = skipRepo({
      "cigen.yml": CONFIG,
      ".nvmrc": "20.11.1\n",
      "package.json": '{ "name": "x", "version": "1.0.0" }\n',
      "package-lock.json": '{ "lockfileVersion": 3 }\n',
      "src/index.js": "export {};\n",
      "README.md": "x\n",
    });
    repo.commit();
    const signature = async () => {
      const { code, doc, stderr } = await repo.json(["signatures"]);
      expect(code, stderr).toBe(0);
      return doc.signatures[0];
    };
    const first = await signature();
    expect(first.inputs.modules["lang/node"]).toMatch(/node=20\.11\.1/);
    expect(first.signature).toMatch(/^[0-9a-f]{64}$/);

    repo.write({ "README.md": "y\n" });
    expect((await signature()).signature).toBe(first.signature);

    repo.write({ ".nvmrc": "20.12.0\n" });
    const upgraded = await signature();
    expect(upgraded.inputs.modules["lang/node"]).toMatch(/node=20\.12\.0/);
    expect(upgraded.signature).not.toBe(first.signature);

    repo.write({ ".nvmrc": "20.11.1\n", "package-lock.json": '{ "lockfileVersion": 3, "packages": {} }\n' });
    const relocked = await signature();
    expect(relocked.signature).not.toBe(first.signature);

    repo.write({ "package-lock.json": '{ "lockfileVersion": 3 }\n' });
    expect((await signature()).signature).toBe(first.signature);
  });
});
