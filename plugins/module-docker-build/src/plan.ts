import { existsSync } from "node:fs";
import { join } from "node:path";
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { inputText, listFact, moduleCache, planJobs, runStep, warning } from "@cigen/module-kit";
import {
  type Diagnostic,
  type PlanJob,
  type PlanRequest,
  type PlanResponseSchema,
  RunStepSchema,
  type Step,
} from "@cigen/protocol";
import { type BuildSpec, buildScript, CACHE_DIR, emulatorScript, setupScript } from "./build-script";
import { DockerCodes } from "./codes";
import { readDockerfile } from "./dockerfiles";
import { ignoreFiles } from "./ignore-files";
import { type BuildDefaults, packageBuild, stepBuild } from "./inputs";

/**
 * Plan: `packages: [docker]` builds the primary Dockerfile at the start of the job; each
 * `uses: docker/build` step becomes the build it describes. Both get the buildx builder, and the
 * job one layer cache over every Dockerfile it builds.
 */
export function plan(request: PlanRequest): MessageInitShape<typeof PlanResponseSchema> {
  const defaults: BuildDefaults = {
    root: request.repoRoot,
    dockerfile: primaryDockerfile(request),
    tag: `${imageName(request.configJson)}:ci`,
  };
  const diagnostics: Diagnostic[] = [];
  return planJobs(
    request,
    (job) => {
      const builds: BuildSpec[] = [];
      let setupSteps: Step[] = [];
      if (job.packages.length) {
        const build = packageBuild(defaults);
        if (build) builds.push(build);
        else diagnostics.push(noDockerfile(job));
        setupSteps = steps(job, build, true);
      }
      // The builder is set up once: by the setup steps, else by the first docker/build step.
      const first = Math.min(...job.uses.map((u) => u.stepIndex));
      const replacements = job.uses.map((use) => {
        const { build, diagnostics: found } = stepBuild(job, use, defaults);
        diagnostics.push(...found);
        builds.push(build);
        return { stepIndex: use.stepIndex, steps: steps(job, build, !job.packages.length && use.stepIndex === first) };
      });
      return { setupSteps, replacements, ...cacheAndSignature(request.repoRoot, builds) };
    },
    diagnostics,
  );
}

/** The builder, emulators when the build targets another architecture than the job's, and the build. */
function steps(job: PlanJob, build: BuildSpec | undefined, builder: boolean): Step[] {
  const result = builder ? [runStep("Set up Docker Buildx", setupScript())] : [];
  if (!build) return result;
  const host = job.arch || "amd64";
  const foreign = [...new Set(build.platforms.map((p) => p.split("/")[1] ?? p))].filter((a) => a && a !== host);
  if (foreign.length) result.push(runStep(`Set up QEMU for ${foreign.join(", ")}`, emulatorScript(foreign)));
  result.push(buildStep(`Build ${build.file}`, buildScript(build)));
  return result;
}

/** The build's run step; `with:` inputs may hold runtime references (`{{ git.sha }}`) the provider writes. */
function buildStep(name: string, script: string): Step {
  const step = runStep(name, "");
  step.kind = { case: "run", value: create(RunStepSchema, { command: inputText(script) }) };
  return step;
}

/**
 * One cache per job over the layer cache folder, keyed on the Dockerfiles it builds: a changed
 * Dockerfile starts from the newest cache of the same Dockerfiles (the restore key). The
 * Dockerfiles and their ignore files are the signature's files.
 */
function cacheAndSignature(root: string, builds: BuildSpec[]) {
  if (!builds.length) return {};
  const files = [...new Set(builds.map((b) => b.file))];
  const present = files.filter((f) => existsSync(join(root, f)));
  const ignores = [...new Set(builds.flatMap((b) => ignoreFiles(root, b.file, b.context)))];
  return {
    caches: [
      moduleCache({
        name: "docker",
        versions: [...new Set(builds.map((b) => b.cacheKey))],
        lockFiles: present,
        paths: [CACHE_DIR],
      }),
    ],
    signatureFiles: [...present, ...ignores],
    signatureValues: { dockerfile: listFact(files) },
  };
}

/**
 * The Dockerfile `packages: [docker]` builds: Dockerfile or Containerfile at the root, else the
 * one Detect named first (Plan gets no file list, and walking the tree here would be slow).
 */
function primaryDockerfile(request: PlanRequest): string | undefined {
  const candidates = ["Dockerfile", "Containerfile", request.facts.dockerfile].filter((f): f is string => !!f);
  return candidates.find((f) => readDockerfile(request.repoRoot, f));
}

/** The image name for untagged builds: the project's name as Docker accepts it, else "app". */
function imageName(configJson: string): string {
  let name: unknown;
  try {
    name = JSON.parse(configJson || "{}")?.project?.name;
  } catch {
    name = undefined;
  }
  const clean =
    typeof name === "string"
      ? name
          .toLowerCase()
          .replace(/[^a-z0-9._-]+/g, "-")
          .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")
      : "";
  return clean || "app";
}

function noDockerfile(job: PlanJob): Diagnostic {
  return warning(
    DockerCodes.NO_DOCKERFILE,
    `job "${job.jobId}": packages: [docker] builds the repository's Dockerfile, but there is none; only the buildx builder is set up`,
    "add a Dockerfile at the root, or build with a uses: docker/build step and its file: input",
  );
}
