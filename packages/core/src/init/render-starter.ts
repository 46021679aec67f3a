import { Document, isMap, isScalar, isSeq, type Pair, type YAMLMap } from "yaml";
import type { Starter, StarterJob, StarterStep } from "./starter";

/**
 * The starter as cigen.yml text: a header that says what was found and what to run next, then
 * providers, packages and jobs with a comment above each job. Deterministic: the same starter
 * gives the same bytes (key order fixed here, lists in the starter's order).
 */
export function renderStarter(starter: Starter): string {
  const doc = new Document({
    providers: starter.providers,
    ...(starter.packages.length ? { packages: starter.packages } : {}),
    jobs: Object.fromEntries(starter.jobs.map((job) => [job.id, jobValue(job)])),
  });
  doc.commentBefore = header(starter)
    .map((line) => (line ? ` ${line}` : ""))
    .join("\n");
  const root = doc.contents as YAMLMap;
  root.items.forEach((pair, i) => {
    // The document's header comment is already followed by a blank line.
    (pair.key as { spaceBefore?: boolean }).spaceBefore = i > 0;
    if (isSeq(pair.value)) pair.value.flow = true;
  });
  const jobs = doc.get("jobs") as YAMLMap;
  jobs.items.forEach((pair, i) => {
    const job = starter.jobs[i];
    const key = pair.key as { spaceBefore?: boolean; commentBefore?: string };
    if (i > 0) key.spaceBefore = true;
    key.commentBefore = job.comments.map((c) => ` ${oneLine(c)}`).join("\n");
    if (isMap(pair.value)) for (const field of pair.value.items) flowShortLists(field);
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function header(starter: Starter): string[] {
  const carried = [
    ...new Set(starter.jobs.map((j) => j.origin).filter((o) => o !== "detected" && o !== "placeholder")),
  ];
  const lines = ["cigen.yml: a starter written by `cigen init` from what it found in this repository."];
  if (starter.found.length) lines.push("Detected:", ...starter.found.map((f) => `  ${oneLine(f)}`));
  if (carried.length) lines.push(`Jobs carried over from: ${carried.join(", ")}`);
  lines.push(
    "",
    "Review it, then run:",
    "  npx cigen validate   checks it with the modules and providers; writes nothing",
    "  npx cigen generate   writes the CI files of the providers below (files at the same paths are replaced)",
    "  npx cigen lock       records the module versions in cigen.lock; commit it with cigen.yml",
    "source_files decides when a job may be skipped (none of its files changed since a recorded",
    "success): make sure each list covers every file its job reads.",
  );
  if (starter.notes.length) lines.push("", "Also review:", ...starter.notes.map((n) => `- ${oneLine(n)}`));
  return lines;
}

function jobValue(job: StarterJob): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (job.trigger) value.trigger = job.trigger;
  if (job.needs.length) value.needs = job.needs;
  if (job.matrix && Object.keys(job.matrix).length) value.matrix = job.matrix;
  if (job.image) value.image = job.image;
  if (job.services.length) value.services = job.services;
  if (Object.keys(job.env).length) value.env = job.env;
  if (job.timeout) value.timeout = job.timeout;
  if (job.sourceFiles.length) value.source_files = job.sourceFiles;
  value.steps = job.steps.map(stepValue);
  return value;
}

function stepValue(step: StarterStep): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (step.name) value.name = step.name;
  value.run = step.run;
  if (step.if) value.if = step.if;
  if (step.workingDirectory) value.working_directory = step.workingDirectory;
  if (step.env && Object.keys(step.env).length) value.env = step.env;
  return value;
}

/** needs, services, matrix values and triggers' lists read best on one line; source_files and steps stay blocks. */
function flowShortLists(pair: Pair): void {
  const key = isScalar(pair.key) ? String(pair.key.value) : "";
  if (key === "needs" || key === "services") {
    if (isSeq(pair.value)) pair.value.flow = true;
  } else if (key === "matrix" || key === "trigger") {
    if (isMap(pair.value))
      for (const item of pair.value.items) {
        if (isSeq(item.value)) item.value.flow = true;
        if (isMap(item.value)) item.value.flow = true;
      }
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
