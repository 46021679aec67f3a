import type { CacheUse, Job, Loc, Model, ModuleUse, Step } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { ModuleCodes } from "./module-codes";
import type { JobModuleUses } from "./module-needs";
import type { ModuleContribution } from "./plan-modules";

/**
 * Applies the modules' plans to one provider's model, job by job: setup steps first (in the
 * order of the job's `packages`), a module's `uses:` step replaced by the steps it planned,
 * caches added unless the job already has one of that name (the config's own wins), variables
 * added under the job's own (which win), module services in place of the entries they serve,
 * and a ModuleUse per module so what modules detected enters the job's work signature.
 */
export function applyContributions(
  model: Model,
  contributions: readonly ModuleContribution[],
  uses: ReadonlyMap<string, JobModuleUses>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byJob = new Map<string, ModuleContribution[]>();
  for (const c of contributions) byJob.set(c.contribution.jobId, [...(byJob.get(c.contribution.jobId) ?? []), c]);
  model.jobs = model.jobs.map((job) => {
    const mine = byJob.get(job.id);
    const jobUses = uses.get(job.id);
    const applied = mine && jobUses ? applyToJob(job, orderByPackages(mine, jobUses), jobUses, diagnostics) : job;
    for (const slot of jobUses?.services ?? [])
      if (!applied.services[slot.index]?.image)
        diagnostics.push(badContribution("for services", job.id, `defined no container for service "${slot.entry}"`));
    return applied;
  });
  return diagnostics;
}

function applyToJob(job: Job, contributions: ModuleContribution[], uses: JobModuleUses, out: Diagnostic[]): Job {
  const setup: Step[] = [];
  const replaced = new Map<number, Step[]>();
  const caches: CacheUse[] = [...job.caches];
  const services = [...job.services];
  const ownEnv = new Set(job.env.map((e) => e.name));
  const moduleEnv = [];
  const modules: ModuleUse[] = [...job.modules];
  for (const { module, contribution: c } of contributions) {
    const packageLoc = packageLocOf(job, uses, module.locked.provides);
    setup.push(...c.setupSteps.map((s) => withLoc(s, packageLoc)));
    for (const r of c.replacements) {
      const target = uses.uses.find((u) => u.stepIndex === r.stepIndex && u.name === module.name);
      if (!target) {
        out.push(
          badContribution(module.name, job.id, `replaces step ${r.stepIndex}, which is not one of its uses: steps`),
        );
        continue;
      }
      replaced.set(
        r.stepIndex,
        r.steps.map((s) => withLoc(s, job.steps[r.stepIndex].loc)),
      );
    }
    for (const cache of c.caches) if (!caches.some((k) => k.name === cache.name)) caches.push(cache);
    for (const variable of c.env) if (!ownEnv.has(variable.name)) moduleEnv.push(variable);
    const served = uses.services.filter((s) => module.locked.provides.includes(s.capability));
    c.services.forEach((service, k) => {
      const slot = served[k];
      if (slot) services[slot.index] = service;
      else
        out.push(
          badContribution(module.name, job.id, `returned ${c.services.length} services for ${served.length} entries`),
        );
    });
    modules.push({
      $typeName: "cigen.plugin.v1.ModuleUse",
      name: module.name,
      version: module.version,
      values: { ...c.signatureValues },
      files: [...c.signatureFiles].sort(),
    });
  }
  for (const u of uses.uses)
    if (!replaced.has(u.stepIndex) && contributions.some((c) => c.module.name === u.name))
      out.push(badContribution(u.name, job.id, `planned nothing for its uses: step ${u.stepIndex}`));
  const steps = [...setup, ...job.steps.flatMap((s, i) => replaced.get(i) ?? [s])];
  modules.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...job, steps, caches, services, env: [...moduleEnv, ...job.env], modules };
}

/** Setup steps follow the job's `packages` order, so `packages: [ruby, node]` sets up ruby first. */
function orderByPackages(contributions: ModuleContribution[], uses: JobModuleUses): ModuleContribution[] {
  const rank = (c: ModuleContribution) => {
    const i = uses.packages.findIndex((p) => c.module.locked.provides.includes(p.capability));
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...contributions].sort((a, b) => rank(a) - rank(b) || (a.module.name < b.module.name ? -1 : 1));
}

function packageLocOf(job: Job, uses: JobModuleUses, provides: readonly string[]): Loc | undefined {
  const i = uses.packages.findIndex((p) => provides.includes(p.capability));
  if (!job.loc || i === -1) return job.loc;
  return { ...job.loc, path: [...job.loc.path, "packages", String(i)] };
}

function withLoc(step: Step, loc: Loc | undefined): Step {
  return step.loc || !loc ? step : { ...step, loc };
}

function badContribution(module: string, job: string, what: string): Diagnostic {
  return {
    severity: "error",
    code: ModuleCodes.BAD_CONTRIBUTION,
    plugin: module,
    message: `module ${module} ${what} (job "${job}")`,
    hint: "this is a bug in the module; report it to its authors",
  };
}
