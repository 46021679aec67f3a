import type { Diagnostic } from "../diagnostics/diagnostic";
import type { CarriedTrigger } from "./existing-ci/carried-job";

/** One step of a starter job. */
export interface StarterStep {
  name?: string;
  run: string;
  workingDirectory?: string;
  if?: "failure" | "always";
  env?: Record<string, string>;
}

/** One job of the starter config, with the comments written above it. */
export interface StarterJob {
  id: string;
  /** "detected" (from the modules' suggestions), or the CI file it was carried over from. */
  origin: string;
  /** Comment lines above the job: where it came from and what needs a look. */
  comments: string[];
  trigger?: CarriedTrigger;
  needs: string[];
  matrix?: Record<string, string[]>;
  image?: string;
  services: string[];
  env: Record<string, string>;
  timeout?: number;
  sourceFiles: string[];
  steps: StarterStep[];
}

/** The starter config before it is rendered. */
export interface Starter {
  providers: string[];
  packages: string[];
  jobs: StarterJob[];
  /** What the header says was found ("lang/node: node, package.json, pnpm-lock.yaml"). */
  found: string[];
  /** Things to review that belong to no single job. */
  notes: string[];
  diagnostics: Diagnostic[];
}
