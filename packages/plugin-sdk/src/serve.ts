import { Writable } from "node:stream";
import { connectPlugin } from "./connect";
import type { PluginDefinition } from "./definition";

/**
 * Runs `plugin` as this process's whole job: frames on stdin/stdout, logs on stderr, exit 0 when
 * the core closes stdin. Call it once from the plugin's executable.
 */
export function servePlugin(plugin: PluginDefinition): void {
  if (process.argv.includes("--version")) {
    process.stdout.write(`${plugin.info.name} ${plugin.info.version}\n`);
    return;
  }
  const frames = claimStdout();
  const peer = connectPlugin(plugin, process.stdin, frames);
  peer.onClose(() => {
    // The core closed stdin (or the stream broke): nothing more will be asked. Exit even if the
    // plugin left timers or sockets open, so shutdown never waits for its grace period.
    process.exit(0);
  });
}

/**
 * Takes stdout for frames only, and sends everything else a plugin might print there (console.log,
 * process.stdout.write from a dependency) to stderr, where the core shows it as a log line instead
 * of failing on a corrupt frame.
 */
function claimStdout(): Writable {
  const stdout = process.stdout;
  const writeFrame = stdout.write.bind(stdout);
  const toStderr = process.stderr.write.bind(process.stderr);
  stdout.write = toStderr as typeof stdout.write;
  for (const level of ["log", "info", "debug", "trace", "dir", "table"] as const) {
    console[level] = console.error;
  }
  return new Writable({
    write(chunk, _encoding, done) {
      writeFrame(chunk, done);
    },
    final(done) {
      done();
    },
  });
}
