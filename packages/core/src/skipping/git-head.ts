import { execFile } from "node:child_process";

/** The checked-out commit and branch, for record metadata outside CI; unknown parts are undefined. */
export async function gitHead(repoRoot: string): Promise<{ commit?: string; branch?: string }> {
  const [commit, branch] = await Promise.all([
    git(repoRoot, ["rev-parse", "--verify", "-q", "HEAD"]),
    git(repoRoot, ["symbolic-ref", "--short", "-q", "HEAD"]),
  ]);
  return { commit, branch };
}

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, encoding: "utf8" }, (error, stdout) => {
      // A detached HEAD or a repository without commits is not an error here: the part is unknown.
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}
