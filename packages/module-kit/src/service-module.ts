import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { diagnostic } from "@cigen/plugin-sdk";
import {
  type DetectResponseSchema,
  type Diagnostic,
  LocSchema,
  type PlanRequest,
  type PlanResponseSchema,
  type RepoSnapshot,
  type Signal,
  SignalSchema,
  type SourceLocation,
} from "@cigen/protocol";
import { type DependencyNames, findDependencies } from "./dependencies";
import { InitFacts, listFact } from "./facts";
import { type ComposeImage, composeImages, imageRepository } from "./images";
import { agrees } from "./pick-version";
import { planJobs } from "./plan-jobs";
import { evidence, readRepoFile } from "./repo-files";
import { imageTag, type ServiceInit, serviceOf } from "./service";

/** A setting in a framework's config file that names the service ("adapter: postgresql"). */
export interface ServiceConfigPattern {
  /** Repository-relative path, found at the root or under any folder ("config/database.yml"). */
  file: string;
  /** Group 1 is the signal's value. */
  pattern: RegExp;
}

/** What tells a service module that the repository talks to its service. */
export interface ServiceDetectSpec {
  /** The `services:` name ("postgres"). */
  service: string;
  /** Client libraries of the service, per ecosystem. */
  dependencies: DependencyNames;
  /** Image repositories the module serves ("postgres", "postgis/postgis"), as imageRepository gives them. */
  images: readonly string[];
  configs?: readonly ServiceConfigPattern[];
  /** Code of the warning when compose files name different images of the service. */
  imagesDisagree: string;
}

/**
 * Detect for a service module: client libraries, config settings and compose images are the
 * evidence. The compose image, when there is one, is what the team runs locally, so it becomes
 * the `service` fact ("postgres:15") and CI runs the same version; otherwise the bare name.
 */
export function detectService(
  snapshot: RepoSnapshot,
  spec: ServiceDetectSpec,
): MessageInitShape<typeof DetectResponseSchema> {
  const { root, files } = snapshot;
  const signals: Signal[] = [];
  const dependencies = findDependencies(root, files, spec.dependencies);
  for (const d of dependencies) signals.push(signalOf("dependency", d.name, d.at));
  for (const c of spec.configs ?? []) {
    for (const file of files.filter((f) => f === c.file || f.endsWith(`/${c.file}`))) {
      const content = readRepoFile(root, file);
      const m = content === undefined ? null : c.pattern.exec(content);
      if (content !== undefined && m)
        signals.push(signalOf("config", m[1], evidence(file, content, m.index + m[0].indexOf(m[1]))));
    }
  }
  const images = composeImages(root, files).filter((i) => spec.images.includes(imageRepository(i.image)));
  for (const i of images) signals.push(signalOf("image", i.image, i.at));
  if (!signals.length) return { confidence: 0 };

  const facts: Record<string, string> = { [InitFacts.service]: spec.service };
  const [image] = images;
  // "postgres:${PG_VERSION:-15}" cannot be run as written; the module's default is closer than a guess.
  if (image && !image.image.includes("$")) {
    facts[InitFacts.service] = image.image;
    facts.image = image.image;
    facts.version = imageTag(image.image);
  }
  if (dependencies.length) facts.clients = listFact([...new Set(dependencies.map((d) => d.name))]);
  const diagnostics = image ? disagreements(spec, image, images.slice(1)) : [];
  return { confidence: 1, signals, facts, diagnostics };
}

function signalOf(name: string, value: string, at: SourceLocation): Signal {
  return create(SignalSchema, { name, value, evidence: at });
}

/** Compose files naming another image or version than the one used, each named with its place. */
function disagreements(spec: ServiceDetectSpec, used: ComposeImage, others: ComposeImage[]): Diagnostic[] {
  return others
    .filter((other) => !sameImage(used.image, other.image))
    .map((other) => {
      const d = diagnostic({
        severity: "warning",
        code: spec.imagesDisagree,
        message: `${spec.service} images disagree: ${used.file} says ${used.image} (used), ${other.file} says ${other.image} (${other.file}:${other.at.line})`,
        hint: `use one ${spec.service} image everywhere, or name the one CI should run in the job's services`,
      });
      d.loc = used.at;
      return d;
    });
}

/** Same repository, and tags that agree ("15" and "15.6" do, "15" and "16" do not). */
function sameImage(a: string, b: string): boolean {
  if (imageRepository(a) !== imageRepository(b)) return false;
  const [ta, tb] = [imageTag(a), imageTag(b)];
  const [na, nb] = [/^\d+(\.\d+)*/.exec(ta)?.[0], /^\d+(\.\d+)*/.exec(tb)?.[0]];
  return ta === tb || (na !== undefined && nb !== undefined && (agrees(na, nb) || agrees(nb, na)));
}

/** How a service module turns one `services:` entry into a service container. */
export interface ServicePlanSpec {
  /** "db/postgres". */
  module: string;
  /** "postgres": the service's name in the job, and its <NAME>_HOST prefix. */
  service: string;
  build: (entry: string) => Omit<ServiceInit, "name" | "module">;
  /** Code of the error when the module is used as a step or a package instead of a service. */
  notAService: string;
}

/**
 * Plan for a service module: one Service per entry in the job's order, and the images in the
 * signature (a job tested against postgres 15 has not been tested against 16). A second entry of
 * the same service gets a suffix ("postgres_2") so its host variables do not collide, and no
 * connection variables: the first entry's DATABASE_URL stays the job's.
 */
export function planServices(request: PlanRequest, spec: ServicePlanSpec): MessageInitShape<typeof PlanResponseSchema> {
  const diagnostics = request.jobs
    .filter((job) => job.uses.length || job.packages.length)
    .map((job) =>
      diagnostic({
        code: spec.notAService,
        message: `job "${job.jobId}": ${spec.module} provides a service container; it cannot be a step or a package`,
        hint: `list it under the job's services: [${spec.service}]`,
        loc: create(LocSchema, { path: ["jobs", job.baseId] }),
      }),
    );
  return planJobs(
    request,
    (job) => {
      if (!job.services.length) return {};
      const services = job.services.map((entry, i) => {
        const init = spec.build(entry);
        if (i === 0) return serviceOf({ ...init, name: spec.service, module: spec.module });
        // Two DATABASE_URLs cannot both win: a second instance is reached through its own host variables.
        return serviceOf({ ...init, connection: {}, name: `${spec.service}_${i + 1}`, module: spec.module });
      });
      return { services, signatureValues: { [spec.service]: listFact(services.map((s) => s.image)) } };
    },
    diagnostics,
  );
}
