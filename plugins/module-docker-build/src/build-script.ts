import { shellWord } from "./shell-word";

/** The buildx builder cigen creates: a docker-container builder, the one kind that exports a local cache. */
export const BUILDER = "cigen";

/** Where the layer cache lives: inside the checkout, because GitLab and Buildkite cache nothing outside it. */
export const CACHE_DIR = ".buildx-cache";

/** One image build, all inputs resolved. */
export interface BuildSpec {
  file: string;
  context: string;
  tags: string[];
  push: boolean;
  platforms: string[];
  target: string;
  buildArgs: string[];
  /** Sub-folder of CACHE_DIR for this build, so several builds in one job keep their own layers. */
  cacheKey: string;
}

/**
 * Creates (or selects, on a reused agent) the docker-container builder; the default `docker`
 * driver cannot export a local cache. Fails with a plain message where the job has no docker CLI
 * or no buildx.
 */
export function setupScript(): string {
  return [
    "if ! command -v docker >/dev/null 2>&1; then",
    '  echo "docker/build: no docker CLI in this job; run it on a machine runner or an image with Docker" >&2',
    "  exit 1",
    "fi",
    "if ! docker buildx version >/dev/null 2>&1; then",
    '  echo "docker/build: docker buildx is missing (it ships with Docker 23 and later; older ones need the docker-buildx plugin)" >&2',
    "  exit 1",
    "fi",
    `if docker buildx inspect ${BUILDER} >/dev/null 2>&1; then`,
    `  docker buildx use ${BUILDER}`,
    "else",
    `  docker buildx create --name ${BUILDER} --driver docker-container --use`,
    "fi",
  ].join("\n");
}

/** Registers QEMU emulators so the builder can run RUN steps of foreign architectures. */
export function emulatorScript(architectures: readonly string[]): string {
  return `docker run --privileged --rm tonistiigi/binfmt --install ${architectures.join(",")}`;
}

/**
 * The build. The restored cache is moved out of the checkout first, because with the usual
 * context "." it would be sent as build context (slow, and it would change every `COPY . .`).
 * BuildKit exports into a fresh folder that then replaces this build's old one: exporting into
 * the old folder would keep every layer ever built (the known buildx pattern for persistent
 * caches). Then the cache moves back for the provider to save.
 *
 * The stash folder is held in `$1` (`set --`) rather than a named variable: Buildkite pipelines
 * write every `$` as `$$`, so shellcheck, reading the pipeline as written, would see a named
 * variable assigned and never used; a positional parameter is not assigned by name.
 */
export function buildScript(spec: BuildSpec): string {
  const output = spec.push ? ["--push"] : spec.platforms.length > 1 ? [] : ["--load"];
  const args = [
    `--builder ${BUILDER}`,
    `--file ${shellWord(spec.file)}`,
    ...spec.tags.map((t) => `--tag ${shellWord(t)}`),
    ...(spec.target ? [`--target ${shellWord(spec.target)}`] : []),
    ...(spec.platforms.length ? [`--platform ${shellWord(spec.platforms.join(","))}`] : []),
    ...spec.buildArgs.map((a) => `--build-arg ${shellWord(a)}`),
    `--cache-from "type=local,src=$1/cache/${spec.cacheKey}"`,
    `--cache-to "type=local,dest=$1/new,mode=max"`,
    ...output,
    shellWord(spec.context),
  ];
  return [
    "set -e",
    'set -- "$(mktemp -d)"',
    `if [ -d ${CACHE_DIR} ]; then mv ${CACHE_DIR} "$1/cache"; else mkdir "$1/cache"; fi`,
    `docker buildx build \\\n  ${args.join(" \\\n  ")}`,
    `rm -rf "$1/cache/${spec.cacheKey}"`,
    `mv "$1/new" "$1/cache/${spec.cacheKey}"`,
    `mv "$1/cache" ${CACHE_DIR}`,
  ].join("\n");
}
