/**
 * A real Redis for the store tests: Debian's redis-server on a free loopback port, in a temporary
 * folder, nothing persisted. Tests talk to it through the store plugins; `command` is a tiny RESP
 * client for assertions the store API cannot make (TTL, ZCARD).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REDIS_SERVER = "/usr/bin/redis-server";

export interface RedisServer {
  /** redis://[:password@]127.0.0.1:<port> */
  url: string;
  port: number;
  /** Sends one command and resolves with the first line of the reply (":42", "+OK", "-ERR ..."). */
  command(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it; it is released before the server binds). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts redis-server and resolves once it answers PING. */
export async function startRedisServer(options: { password?: string } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "cigen-redis-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir];
  if (options.password) args.push("--requirepass", options.password);
  const child = spawn(REDIS_SERVER, args, { stdio: ["ignore", "ignore", "pipe"] });
  const auth = options.password ? ["AUTH", options.password] : undefined;
  const command = (...cmd: string[]) => sendCommand(port, auth, cmd);
  await waitForPing(child, command);
  return {
    url: `redis://${options.password ? `:${encodeURIComponent(options.password)}@` : ""}127.0.0.1:${port}`,
    port,
    command,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPing(child: ChildProcess, command: (...cmd: string[]) => Promise<string>): Promise<void> {
  const deadline = Date.now() + 10_000;
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}: ${stderr}`);
    if ((await command("PING").catch(() => "")) === "+PONG") return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not answer PING within 10 s: ${stderr}`);
}

/** One connection per command: slow, but simple and enough for a few assertions. */
function sendCommand(port: number, auth: string[] | undefined, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let buffer = "";
    let skip = auth ? 1 : 0;
    socket.once("error", reject);
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      const lines = buffer.split("\r\n");
      while (lines.length > 1) {
        const line = lines.shift()!;
        buffer = lines.join("\r\n");
        if (skip > 0) {
          skip--;
          continue;
        }
        socket.end();
        resolve(line);
        return;
      }
    });
    const encode = (cmd: string[]) =>
      `*${cmd.length}\r\n${cmd.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
    socket.write((auth ? encode(auth) : "") + encode(args));
  });
}
