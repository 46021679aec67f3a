import { dirname } from "node:path";
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { evidence, InitFacts, isComposeFile, listFact, readRepoFile, warning } from "@cigen/module-kit";
import { type DetectResponseSchema, type RepoSnapshot, type Signal, SignalSchema } from "@cigen/protocol";
import { DockerCodes } from "./codes";
import { buildCommand } from "./commands";
import { type Dockerfile, findDockerfiles, isUnpinned } from "./dockerfiles";
import { ignoreFiles } from "./ignore-files";

/**
 * Detect: the repository builds images when it has a Dockerfile (the evidence is its FROM line).
 * Compose files are reported beside it; on their own (only `image:`s) there is nothing to build.
 */
export function detect(snapshot: RepoSnapshot): MessageInitShape<typeof DetectResponseSchema> {
  const { root, files } = snapshot;
  const dockerfiles = findDockerfiles(root, files);
  if (!dockerfiles.length) return { confidence: 0 };
  const [primary] = dockerfiles;
  const signals: Signal[] = [];
  for (const d of dockerfiles) {
    signals.push(signal("dockerfile", d.path, d.at));
    for (const base of d.bases) signals.push(signal("base_image", base.image, base.at));
  }
  const composeFiles = files.filter(isComposeFile).sort();
  for (const file of composeFiles) signals.push(signal("compose_file", file, composeEvidence(root, file)));

  // Whether a Dockerfile is built from the root or from its own folder, its ignore file is a source.
  const ignores = [
    ...new Set(
      dockerfiles.flatMap((d) => [...ignoreFiles(root, d.path, "."), ...ignoreFiles(root, d.path, dirname(d.path))]),
    ),
  ];
  // No `package` fact: `cigen init` lists packages for every job, and `packages: [docker]` builds
  // the image at the start of the job, so lint and test jobs would each build it. The starter's
  // build job runs the build command instead.
  const facts: Record<string, string> = {
    [InitFacts.sourceFiles]: listFact([...dockerfiles.map((d) => d.path), ...ignores]),
    [InitFacts.build]: buildCommand(primary.path),
    dockerfile: primary.path,
    dockerfiles: listFact(dockerfiles.map((d) => d.path)),
  };
  if (composeFiles.length) facts.compose_files = listFact(composeFiles);
  return { confidence: 1, signals, facts, diagnostics: dockerfiles.flatMap(unpinned) };
}

function signal(name: string, value: string, at: Signal["evidence"]): Signal {
  return create(SignalSchema, { name, value, evidence: at });
}

/** A compose file's first `build:` (what ties it to a Dockerfile), else the file itself. */
function composeEvidence(root: string, file: string) {
  const content = readRepoFile(root, file) ?? "";
  const m = /^[ \t]*build:/m.exec(content);
  return m ? evidence(file, content, m.index + m[0].indexOf("build")) : evidence(file);
}

function unpinned(dockerfile: Dockerfile) {
  return dockerfile.bases
    .filter((base) => isUnpinned(base.image))
    .map((base) =>
      warning(
        DockerCodes.UNPINNED_BASE_IMAGE,
        `${dockerfile.path}:${base.at.line}: base image ${base.image} has no version tag; a new release changes the build without any file changing, so neither the layer cache key nor the job's signature sees it`,
        `pin a tag (for example ${base.image.replace(/:latest$/, "")}:<version>) or a digest`,
        base.at,
      ),
    );
}
