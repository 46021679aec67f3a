import { existsSync } from "node:fs";
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import { stepInputs, warning } from "@cigen/module-kit";
import { diagnostic } from "@cigen/plugin-sdk";
import { type Diagnostic, LocSchema, type ModuleStepUse, type PlanJob } from "@cigen/protocol";
import type { BuildSpec } from "./build-script";
import { DockerCodes } from "./codes";

/** The `with:` inputs of `uses: docker/build` (docs/modules/docker-build.md). */
export const INPUTS = ["build_args", "context", "file", "image", "platforms", "push", "tags", "target"] as const;

/** What every build of a plan shares: the repository and the image name used when no tag is given. */
export interface BuildDefaults {
  root: string;
  /** The primary Dockerfile, undefined when the repository has none. */
  dockerfile: string | undefined;
  /** "<project>:ci". */
  tag: string;
}

/** The build `packages: [docker]` means: the primary Dockerfile, from the root, tagged <project>:ci. */
export function packageBuild(defaults: BuildDefaults): BuildSpec | undefined {
  if (!defaults.dockerfile) return undefined;
  return spec({ file: defaults.dockerfile, context: ".", tags: [defaults.tag] });
}

/**
 * The build a `uses: docker/build` step asks for. Docker's own rule picks the Dockerfile when only
 * `context` is given (<context>/Dockerfile); with neither, the primary one from the root.
 */
export function stepBuild(
  job: PlanJob,
  use: ModuleStepUse,
  defaults: BuildDefaults,
): { build: BuildSpec; diagnostics: Diagnostic[] } {
  const { inputs, diagnostics } = stepInputs("docker/build", job, use, INPUTS, DockerCodes.UNKNOWN_INPUT);
  const where = `job "${job.jobId}", step ${use.stepIndex + 1}`;
  const context = inputs.context?.trim() || ".";
  const file =
    inputs.file?.trim() ||
    (inputs.context ? `${context.replace(/\/+$/, "")}/Dockerfile` : (defaults.dockerfile ?? "Dockerfile"));
  if (!existsSync(join(defaults.root, file))) {
    diagnostics.push(
      warning(
        DockerCodes.MISSING_DOCKERFILE,
        `${where}: uses docker/build with Dockerfile ${file}, which is not in the repository`,
        "fine if an earlier step writes it; otherwise set `file:` to the Dockerfile's path",
      ),
    );
  }
  const tags = [...list(inputs.image ?? "", /[\n,]/), ...list(inputs.tags ?? "", /[\n,]/)];
  const push = boolean(inputs.push, where, diagnostics);
  if (push && !tags.length) {
    // An error, not a warning: the generated build could only fail.
    diagnostics.push(
      diagnostic({
        code: DockerCodes.PUSH_WITHOUT_TAGS,
        message: `${where}: uses docker/build with push: true but no tags; there is no registry to push to`,
        hint: "name the image with its registry, e.g. tags: ghcr.io/acme/app:latest",
        loc: create(LocSchema, { path: ["jobs", job.baseId] }),
      }),
    );
  }
  const build = spec({
    file,
    context,
    tags: tags.length ? tags : [defaults.tag],
    push,
    platforms: list(inputs.platforms ?? "", /[\n,]/),
    target: inputs.target?.trim() ?? "",
    // Only newlines separate build arguments: a value may hold commas.
    buildArgs: list(inputs.build_args ?? "", /\n/),
  });
  if (build.platforms.length > 1 && !build.push) {
    diagnostics.push(
      warning(
        DockerCodes.MULTI_PLATFORM_NOT_LOADED,
        `${where}: an image for ${build.platforms.length} platforms cannot be loaded into the job's docker; it is built and cached only`,
        "set push: true to publish it, or build one platform to use it in later steps",
      ),
    );
  }
  return { build, diagnostics };
}

function spec(init: Partial<BuildSpec> & Pick<BuildSpec, "file" | "context" | "tags">): BuildSpec {
  const build = { push: false, platforms: [], target: "", buildArgs: [], ...init, cacheKey: "" };
  build.cacheKey = [build.file, build.target]
    .filter(Boolean)
    .join("-")
    .replace(/[^A-Za-z0-9._-]/g, "_");
  return build;
}

/** A list input: a YAML list the core passed as JSON, or text split on `separator`. */
function list(value: string, separator: RegExp): string[] {
  const text = value.trim();
  if (text.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String).filter(Boolean);
    } catch {
      // Not JSON: a value that merely starts with "[" is split like any other.
    }
  }
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

function boolean(value: string | undefined, where: string, diagnostics: Diagnostic[]): boolean {
  if (value === undefined || /^(false|no|0|)$/i.test(value.trim())) return false;
  if (/^(true|yes|1)$/i.test(value.trim())) return true;
  diagnostics.push(
    warning(
      DockerCodes.BAD_BOOLEAN,
      `${where}: docker/build push: "${value}" is not true or false; false is used`,
      "write push: true or push: false",
    ),
  );
  return false;
}
