import { entryName } from "../modules/module-names";
import { type Detection, INIT_FACTS } from "./detection";
import type { CarriedJob, ExistingCi } from "./existing-ci/carried-job";
import { literal } from "./existing-ci/ci-text";
import { InitCodes } from "./init-codes";
import { assignIds, neededIds } from "./job-ids";
import { detectedSourceFiles, jobSourceFiles } from "./source-files";
import type { Starter, StarterJob } from "./starter";

export interface StarterInput {
  detections: readonly Detection[];
  existing: readonly ExistingCi[];
  /** `--provider`: replaces the providers found from CI files. */
  providers?: readonly string[];
  /** The repository's files, to add the scripts a command runs to its job's source_files. */
  files: readonly string[];
}

const KINDS = [INIT_FACTS.lint, INIT_FACTS.test, INIT_FACTS.build] as const;
const TESTS = /test|spec/i;

/**
 * The starter config. Packages and services come from what the modules detected. The jobs are
 * the existing CI's (the first system, in provider order, with a job that runs commands), with
 * their names and commands; without existing CI, one job per kind (lint, test, build) that some
 * module suggested commands for. lint and test run side by side for the fastest feedback; build
 * needs both, since what it builds is what ships. Every job's source_files is the union of the
 * modules' globs (a job may read any of the project's sources; a narrower list could skip a job
 * whose inputs changed) plus the scripts its commands name; a job with a trigger (manual, branch,
 * tag or schedule) gets none, since it runs for more than its files (a nightly audit must run
 * on unchanged code), so it is never skipped.
 */
export function buildStarter(input: StarterInput): Starter {
  const detections = [...input.detections].sort(
    (a, b) => rank(a) - rank(b) || (a.module < b.module ? -1 : a.module > b.module ? 1 : 0),
  );
  const packages = unique(detections.flatMap((d) => d.facts[INIT_FACTS.package] ?? []));
  const services = unique(detections.flatMap((d) => d.facts[INIT_FACTS.service] ?? [])).sort();
  const globs = detectedSourceFiles(detections);
  const files = new Set(input.files);
  const starter: Starter = {
    providers: providersOf(input),
    packages,
    jobs: [],
    found: detections.map(foundLine),
    notes: [],
    diagnostics: input.existing.flatMap((ci) => ci.diagnostics),
  };

  const source = input.existing.find((ci) => ci.jobs.some((j) => j.steps.length));
  starter.jobs = source ? carriedJobs(source, services, starter.notes) : detectedJobs(detections, services);
  for (const ci of input.existing) {
    starter.notes.push(...ci.notes);
    if (ci !== source && ci.jobs.length)
      starter.notes.push(
        `${ci.files.join(", ")}: ${ci.jobs.length} job(s) not carried over (the jobs come from ${source?.files.join(", ") ?? "the modules"}); compare them with cigen.yml`,
      );
  }
  placeServices(starter, services);
  if (source && packages.length)
    starter.notes.push(
      "packages: sets up each tool and installs dependencies at the start of every job: remove the install commands the carried jobs still run",
    );
  if (!starter.jobs.length) starter.jobs = [placeholderJob(starter)];
  for (const job of starter.jobs) {
    if (job.trigger) {
      job.comments.push(
        "- no source_files: a job with a trigger is never skipped (deploys, releases and schedules run for more than changed files)",
      );
      continue;
    }
    job.sourceFiles = jobSourceFiles(
      globs,
      job.steps.map((s) => s.run),
      files,
    );
  }
  return starter;
}

/** Languages first (their setup comes first in every job), then the rest, each by module name. */
function rank(d: Detection): number {
  return d.module.startsWith("lang/") ? 0 : 1;
}

function providersOf(input: StarterInput): string[] {
  if (input.providers?.length) return unique(input.providers);
  const found = input.existing.map((ci) => ci.provider);
  return found.length ? unique(found) : ["github"];
}

function foundLine(d: Detection): string {
  const what = unique(d.evidence.map((e) => (e.file && e.file !== e.value ? `${e.value} (${e.file})` : e.value)));
  return `${d.module}: ${what.join(", ") || Object.keys(d.facts).join(", ")}`;
}

function detectedJobs(detections: readonly Detection[], services: readonly string[]): StarterJob[] {
  const jobs: StarterJob[] = [];
  for (const kind of KINDS) {
    const by = detections.filter((d) => d.facts[kind]);
    const commands = unique(by.map((d) => d.facts[kind]));
    if (!commands.length) continue;
    jobs.push({
      id: kind,
      origin: "detected",
      comments: [`${kind}: suggested by ${by.map((d) => d.module).join(", ")}`],
      needs: kind === INIT_FACTS.build ? jobs.map((j) => j.id) : [],
      services: kind === INIT_FACTS.test ? [...services] : [],
      env: {},
      sourceFiles: [],
      steps: commands.map((c) => ({ run: literal(c) })),
    });
  }
  return jobs;
}

function carriedJobs(source: ExistingCi, services: readonly string[], notes: string[]): StarterJob[] {
  const byKey = new Map(source.jobs.map((j) => [j.key, j]));
  const kept = source.jobs.filter((j) => j.steps.length);
  for (const job of source.jobs.filter((j) => !j.steps.length))
    notes.push(
      `${job.file}: job ${job.name} is left out: it runs no shell commands${job.notes.length ? ` (${job.notes.join("; ")})` : ""}`,
    );
  const ids = assignIds(kept);
  return kept.map((job) => {
    const id = ids.get(job.key) as string;
    const jobServices = job.services.flatMap((image) => serviceEntry(image, services, job));
    return {
      id,
      origin: job.file,
      comments: [
        `from ${job.file}:${job.line}${id === job.name ? "" : ` (job "${job.name}")`}`,
        ...job.notes.map((n) => `- ${n}`),
      ],
      trigger: job.trigger,
      needs: neededIds(job, ids, byKey),
      matrix: job.matrix,
      image: job.image,
      services: unique(jobServices),
      env: job.env,
      timeout: job.timeout,
      sourceFiles: [],
      steps: job.steps.map((s) => ({
        name: s.name,
        run: s.command,
        workingDirectory: s.workingDirectory,
        if: s.if,
        env: s.env,
      })),
    };
  });
}

/**
 * A service of the old CI as a `services:` entry. An image reference stays as written (a module
 * serving its name still plans it); a bare name ("postgres", GitLab's shorthand for the latest
 * image) takes the detected service of that name, else `<name>:latest`, since a bare name that
 * no module serves is not a valid entry.
 */
function serviceEntry(image: string, detected: readonly string[], job: CarriedJob): string[] {
  if (image.includes("$") || image.includes("{{")) {
    job.notes.push(`service ${image} is not carried over (its image is computed)`);
    return [];
  }
  if (/[:/]/.test(image)) return [image];
  return [detected.find((d) => entryName(d) === image) ?? `${image}:latest`];
}

/** Detected services that no job runs yet go to the test jobs; without one, a note says where they belong. */
function placeServices(starter: Starter, services: readonly string[]): void {
  const used = new Set(starter.jobs.flatMap((j) => j.services.map(entryName)));
  const missing = services.filter((s) => !used.has(entryName(s)));
  if (!missing.length) return;
  const tests = starter.jobs.filter((j) => TESTS.test(j.id));
  for (const job of tests) {
    job.services = unique([...job.services, ...missing]);
    job.comments.push(`- services ${missing.join(", ")}: detected in the repository, added here`);
  }
  if (!tests.length)
    starter.notes.push(
      `detected services ${missing.join(", ")}: add them to the jobs that need them (services: [...])`,
    );
}

/** One job whose step fails until it is replaced: a green build that tests nothing would mislead. */
function placeholderJob(starter: Starter): StarterJob {
  const nothing = !starter.packages.length;
  starter.diagnostics.push({
    severity: "warning",
    code: InitCodes.NOTHING_DETECTED,
    message: nothing
      ? "no module recognised this repository and no CI config was found: cigen.yml has one placeholder job"
      : `found ${starter.packages.join(", ")} but no lint, test or build commands: cigen.yml has one placeholder job`,
    hint: "replace the placeholder step with your build and test commands, then run `cigen validate`",
  });
  return {
    id: "build",
    origin: "placeholder",
    comments: ["placeholder: replace its step with the commands that build and test this project"],
    needs: [],
    services: [],
    env: {},
    sourceFiles: [],
    steps: [
      {
        name: "Replace me",
        run: "echo 'cigen.yml: replace this step with your build and test commands' >&2; exit 1",
      },
    ],
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
