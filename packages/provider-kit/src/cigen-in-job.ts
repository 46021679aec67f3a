// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell parameter expansions, meant literally.
/**
 * The shell a provider writes to run cigen inside CI jobs (planning steps, record steps), from the
 * core's `skip.install` and `skip.command` (skip-settings.ts). Every provider writes the same text.
 */
import type { SkipSettings } from "./skip-settings";

type Cigen = Pick<SkipSettings, "command" | "install">;

/**
 * The shell line that installs cigen only when it does not run yet (a job whose own steps
 * installed the repository's packages, or an agent that kept node_modules, skips the install);
 * empty when there is nothing to install.
 */
export function installUnlessRunnable(settings: Cigen): string {
  if (!settings.install) return "";
  return `if ! ${settings.command} --version >/dev/null 2>&1; then ${settings.install}; fi`;
}

/** The Node.js release line fetched for cigen where a job has none (cigen needs 20 or later). */
const NODE_LINE = "22";

/**
 * Makes `npx` available where a job's image has no Node.js (golang, ruby, python and rust images,
 * which modules set up): the newest Node.js of NODE_LINE from nodejs.org, or from the mirror in
 * CIGEN_NODE_DIST, checked against the release's SHASUMS256.txt, unpacked into a temporary folder
 * and put on PATH for the rest of the subshell it runs in. Exits non-zero when it cannot.
 */
export const NODE_FOR_CIGEN = [
  "if ! command -v npx >/dev/null 2>&1; then",
  `  echo "cigen: no Node.js in this job; fetching Node.js ${NODE_LINE} to run cigen (an image with Node.js 20 or later saves this)" >&2`,
  `  cigen_dist="\${CIGEN_NODE_DIST:-https://nodejs.org/dist}/latest-v${NODE_LINE}.x"`,
  '  case "$(uname -m)" in aarch64 | arm64) cigen_arch=arm64 ;; *) cigen_arch=x64 ;; esac',
  '  cigen_node="$(mktemp -d)"',
  '  cigen_sum="$(curl -fsSL "$cigen_dist/SHASUMS256.txt" | grep "  node-v[0-9.]*-linux-$cigen_arch\\.tar\\.gz$")" &&',
  '    (cd "$cigen_node" && curl -fsSLO "$cigen_dist/${cigen_sum##* }" && printf \'%s\\n\' "$cigen_sum" | sha256sum -c - >/dev/null && tar -xzf "${cigen_sum##* }" --strip-components=1) &&',
  '    PATH="$cigen_node/bin:$PATH"',
  "fi",
].join("\n");

/**
 * The shell that runs one cigen command (`run`, a full `<command> ...` line) in a job: Node.js
 * when the job has none, cigen installed when needed, then `run`, each only after the previous
 * one succeeded. `installToStderr` sends the install's output to stderr, for a caller that uses
 * cigen's stdout (Buildkite's plan pipes it into the upload).
 */
export function cigenScript(settings: Cigen, run: string, { installToStderr = false } = {}): string {
  const install = installUnlessRunnable(settings);
  const installed = install ? [installToStderr ? `{ ${install}; } >&2` : install] : [];
  return [NODE_FOR_CIGEN, ...installed, run].join(" &&\n");
}

/**
 * cigenScript (recording a job's success) in a subshell that never fails the job: recording is an optimisation, so a store
 * out of reach or a job where Node.js cannot be had costs a later run, not this job's result.
 * `jobId` only goes into the notice.
 */
export function recordOrNotice(settings: Cigen, jobId: string, record: string): string {
  return `(\n${cigenScript(settings, record)}\n) || ${recordFailedNotice(jobId)}`;
}

/** What a job prints when it could not record its success (`jobId` only names it). */
export function recordFailedNotice(jobId: string): string {
  return `echo "cigen: could not record the success of ${jobId.replace(/["$`\\]/g, "")}; it will run again next time" >&2`;
}
