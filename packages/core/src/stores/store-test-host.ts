/**
 * For the store tests: a real PluginHost that finds the bundled store plugins through the
 * repository's node_modules/.bin, as `cigen` finds them in a project, and a record factory.
 */
import { fileURLToPath } from "node:url";
import { create } from "@bufbuild/protobuf";
import { type SignatureRecord, SignatureRecordSchema } from "@cigen/protocol";
import { afterAll } from "vitest";
import { pluginEnvironment } from "../host/plugin-environment";
import { PluginHost } from "../host/plugin-host";

export const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));

/** A host over the repository's plugins (and `explicit` name -> path), shut down after the test file. */
export function testHost(explicit: ReadonlyMap<string, string> = new Map()): PluginHost {
  const host = new PluginHost({
    search: { explicit, repoRoot, bundled: [], path: "" },
    coreVersion: "test",
    handshakeTimeoutMs: 15_000,
    callTimeoutMs: 20_000,
    shutdownGraceMs: 2_000,
    env: pluginEnvironment(process.env),
  });
  afterAll(() => host.shutdown());
  return host;
}

/** A 64-hex signature made from `n`, so tests can say "signature 1" and "signature 2". */
export function sig(n: number): string {
  return n.toString(16).padStart(64, "0");
}

/** A record of `jobId` with signature `n`, recorded `minute` minutes after a fixed time. */
export function recordOf(jobId: string, n: number, minute = 0): SignatureRecord {
  return create(SignatureRecordSchema, {
    jobId,
    signature: sig(n),
    recordedAt: new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString(),
    metadata: { commit: `c${n}`, branch: "main" },
    inputsJson: JSON.stringify({ files: n, env: ["CI"], modules: {}, needs: [] }),
  });
}
