import type { Job, Model } from "@cigen/protocol";
import { isImageReference } from "../config/checks/check-services";
import type { ConfigPath } from "../config/config-types";
import type { LoadedConfig } from "../config/loaded-config";
import { entryName, parseModuleRef } from "./module-names";

/** One thing the config asks a module for. */
export interface ModuleNeed {
  /** "package:node", "service:postgres" or "module:lang/node" (a `uses:` step). */
  capability: string;
  /** What the user wrote, for messages ("node", "postgres:16", "lang/node@^1"). */
  label: string;
  /** The module the config names for it (a `uses:` reference or a `modules:` entry). */
  pinned?: { name: string; constraint: string };
  /** Where it is first asked for. */
  path: ConfigPath;
  /** An image-reference service stays a plain container when no module serves its name. */
  optional: boolean;
}

/** Where one job variant uses modules: its packages, module `uses:` steps and module-served services. */
export interface JobModuleUses {
  job: Job;
  packages: { entry: string; capability: string }[];
  uses: { stepIndex: number; name: string; constraint: string; with: Record<string, string> }[];
  /** Index into job.services and the entry as written. */
  services: { index: number; entry: string; capability: string }[];
}

/**
 * Collects what the models need from modules. `isModule(name)` says whether an executable exists
 * for a `uses:` reference: `lang/node@^1` with a module installed is a module step, while
 * `actions/setup-node@v4` (no such module) stays a provider-native action (cigen-yml.md, Steps).
 */
export function collectModuleNeeds(
  config: LoadedConfig,
  models: readonly Model[],
  isModule: (name: string) => boolean,
): { needs: ModuleNeed[]; jobs: JobModuleUses[] } {
  const needs = new Map<string, ModuleNeed>();
  const pins = configuredPins(config);
  const need = (
    capability: string,
    label: string,
    path: ConfigPath,
    optional: boolean,
    pinned?: ModuleNeed["pinned"],
  ) => {
    const known = needs.get(capability);
    if (known) known.optional &&= optional;
    else needs.set(capability, { capability, label, path, optional, pinned: pinned ?? pins.get(capability) });
  };
  const jobs = new Map<string, JobModuleUses>();
  for (const model of models) {
    for (const job of model.jobs) {
      if (jobs.has(job.id)) continue;
      const uses = jobUses(config, job, isModule);
      for (const p of uses.packages) need(p.capability, p.entry, packagePath(config, job, p.entry), false);
      for (const s of uses.services)
        need(s.capability, s.entry, ["jobs", job.baseId, "services", s.index], isImageReference(s.entry));
      for (const u of uses.uses) {
        const step = job.steps[u.stepIndex];
        need(`module:${u.name}`, `${u.name}${u.constraint ? `@${u.constraint}` : ""}`, step.loc?.path ?? [], false, u);
      }
      if (uses.packages.length + uses.services.length + uses.uses.length) jobs.set(job.id, uses);
    }
  }
  return { needs: [...needs.values()], jobs: [...jobs.values()] };
}

function jobUses(config: LoadedConfig, job: Job, isModule: (name: string) => boolean): JobModuleUses {
  const defined = config.raw.services ?? {};
  const written = config.raw.jobs[job.baseId]?.services ?? [];
  return {
    job,
    packages: job.packages.map((entry) => ({ entry, capability: `package:${entry}` })),
    services: written.flatMap((entry, index) =>
      typeof entry === "string" && !(entry in defined)
        ? [{ index, entry, capability: `service:${entryName(entry)}` }]
        : [],
    ),
    uses: job.steps.flatMap((step, stepIndex) => {
      if (step.kind.case !== "uses") return [];
      const ref = parseModuleRef(step.kind.value.ref);
      if (!ref || !isModule(ref.name)) return [];
      const inputs = Object.fromEntries(step.kind.value.with.map((i) => [i.name, literalOf(i.value?.parts ?? [])]));
      return [{ stepIndex, ...ref, with: inputs }];
    }),
  };
}

/** `modules: { node: "acme/node@^2" }`: which module serves a package or service, and which versions. */
export function configuredPins(config: LoadedConfig): Map<string, { name: string; constraint: string }> {
  const pins = new Map<string, { name: string; constraint: string }>();
  const modules = config.raw.modules ?? {};
  for (const [entry, ref] of Object.entries(modules)) {
    const parsed = parseModuleRef(ref);
    if (!parsed) continue; // reported by checkModuleRefs
    pins.set(`package:${entry}`, parsed);
    pins.set(`service:${entry}`, parsed);
  }
  return pins;
}

function packagePath(config: LoadedConfig, job: Job, entry: string): ConfigPath {
  const own = config.raw.jobs[job.baseId]?.packages;
  if (own) return ["jobs", job.baseId, "packages", own.indexOf(entry)];
  return ["packages", (config.raw.packages ?? []).indexOf(entry)];
}

/** `with:` inputs reach a module as text; runtime references keep their `{{ }}` form. */
function literalOf(parts: readonly { kind: { case?: string; value?: unknown } }[]): string {
  return parts
    .map((p) => (p.kind.case === "literal" ? String(p.kind.value) : `{{ ${p.kind.case}.${String(p.kind.value)} }}`))
    .join("");
}
