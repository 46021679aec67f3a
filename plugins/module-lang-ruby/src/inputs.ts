import { stepInputs, warning } from "@cigen/module-kit";
import type { Diagnostic, ModuleStepUse, PlanJob } from "@cigen/protocol";
import { RubyCodes } from "./codes";
import { rubySetupVersion } from "./detect-version";
import { gemRequirementRange } from "./gem-requirement";

/** What a `uses: lang/ruby` step may set with `with:`. */
export interface RubyInputs {
  /** Overrides the detected version ("3.3.0", "3.3", or a requirement such as "~> 3.2"). */
  version?: string;
  /** "false" sets up Ruby without `bundle install`. */
  install: boolean;
}

const KNOWN = ["version", "install"];

/** Reads a `uses:` step's inputs; unknown inputs and unusable versions are reported, not fatal. */
export function readInputs(job: PlanJob, use: ModuleStepUse, diagnostics: Diagnostic[]): RubyInputs {
  const read = stepInputs("lang/ruby", job, use, KNOWN, RubyCodes.UNKNOWN_INPUT);
  diagnostics.push(...read.diagnostics);
  const asked = read.inputs.version?.trim();
  const version = asked
    ? (rubySetupVersion(asked) ?? rubySetupVersion(gemRequirementRange(asked.split(",")) ?? ""))
    : undefined;
  if (asked && !version) {
    diagnostics.push(
      warning(
        RubyCodes.BAD_INPUT_VERSION,
        `job "${job.jobId}", step ${use.stepIndex + 1}: uses lang/ruby with version "${asked}", which names no Ruby version; the detected version is used`,
        'write a version ("3.3.0"), a release line ("3.3") or a requirement ("~> 3.3.0")',
      ),
    );
  }
  return { version, install: read.inputs.install?.trim().toLowerCase() !== "false" };
}
