/**
 * Runs a plugin's bundled executable (`dist/main.mjs`) as the core does: a child process speaking
 * the plugin protocol over its stdio. Tests use it to prove the bundle, not just the source, works.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import type { MessageInitShape } from "@bufbuild/protobuf";
import {
  callMethod,
  type GenerateRequestSchema,
  type GenerateResponse,
  Methods,
  type PluginInfo,
  PROTOCOL_VERSIONS,
  RpcPeer,
} from "@cigen/protocol";

/**
 * Runs `scripts/build.mjs` in `root`. The build bundles every workspace and others may be mid-edit,
 * so only a `bundle` that was not rewritten just now fails the caller.
 */
export function rebuildBundle(root: string, bundle: string): void {
  const started = Date.now();
  const build = spawnSync(process.execPath, ["scripts/build.mjs", "--quiet"], { cwd: root, encoding: "utf8" });
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= started - 1000) return;
  throw new Error(`${bundle} was not rebuilt:\n${build.stderr}`);
}

/** A running bundled plugin. */
export interface BundledPlugin {
  /** Sends Handshake the way the core does. */
  handshake(): Promise<PluginInfo>;
  /** Sends one Generate request. */
  generate(request: MessageInitShape<typeof GenerateRequestSchema>): Promise<GenerateResponse>;
  /** Closes stdin and resolves with the exit code. */
  close(): Promise<number | null>;
}

/** Starts `node bundle` with its stderr passed through. */
export function startBundle(bundle: string): BundledPlugin {
  const child = spawn(process.execPath, [bundle], { stdio: ["pipe", "pipe", "inherit"] });
  const peer = new RpcPeer(child.stdout, child.stdin);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    handshake: () => callMethod(peer, Methods.handshake, { protocolVersions: PROTOCOL_VERSIONS, coreVersion: "test" }),
    generate: (request) => callMethod(peer, Methods.generate, request),
    close: () => {
      child.stdin.end();
      return exited;
    },
  };
}
