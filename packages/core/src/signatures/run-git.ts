import { spawn } from "node:child_process";

/** A git command that exited non-zero (or could not start); `stderr` holds git's own words. */
export class GitError extends Error {
  override readonly name = "GitError";
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(
      `git ${args.join(" ")} failed${exitCode === null ? "" : ` (exit ${exitCode})`}: ${stderr.trim() || "no output"}`,
    );
  }
}

export interface RunGitOptions {
  /** Bytes written to git's standard input, then closed. */
  input?: string | Buffer;
  /** Exit codes that are not failures (`git config --get-regexp` exits 1 when nothing matches). */
  okCodes?: readonly number[];
}

/**
 * Runs git in `cwd` and resolves with its whole standard output as one Buffer. Output is read as
 * bytes (paths are bytes to git) and split by the callers; nothing goes through a shell.
 */
export function runGit(cwd: string, args: readonly string[], options: RunGitOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Optional locks off: reading must never write the user's index behind their back.
    const child = spawn("git", ["--no-optional-locks", ...args], {
      cwd,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      env: { ...process.env, GIT_LITERAL_PATHSPECS: undefined, GIT_GLOB_PATHSPECS: undefined, LC_ALL: "C" },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(new GitError(args, null, error.message)));
    child.on("close", (code) => {
      if (code === 0 || (code !== null && options.okCodes?.includes(code))) resolve(Buffer.concat(out));
      else reject(new GitError(args, code, Buffer.concat(err).toString("utf8")));
    });
    if (options.input !== undefined && child.stdin) {
      child.stdin.on("error", () => {}); // git may exit before reading everything; "close" reports it
      child.stdin.end(options.input);
    }
  });
}

/** Splits NUL-terminated records (git's `-z` output) into byte ranges, without copying. */
export function splitNul(buffer: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let end = buffer.indexOf(0, start); end !== -1; end = buffer.indexOf(0, start)) {
    parts.push(buffer.subarray(start, end));
    start = end + 1;
  }
  if (start < buffer.length) parts.push(buffer.subarray(start));
  return parts;
}
