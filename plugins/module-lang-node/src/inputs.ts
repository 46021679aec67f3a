import { stepInputs, warning } from "@cigen/module-kit";
import type { Diagnostic, ModuleStepUse, PlanJob } from "@cigen/protocol";
import { NodeCodes } from "./codes";
import { setupVersion } from "./detect-version";

/** What a `uses: lang/node` step may set with `with:`. */
export interface NodeInputs {
  /** Overrides the detected version (any form a version source accepts: "20", ">=20", "lts/*"). */
  version?: string;
  /** "false" sets up Node.js and the package manager without installing dependencies. */
  install: boolean;
}

const KNOWN = ["version", "install"];

/** Reads a `uses:` step's inputs; unknown inputs and unusable versions are reported, not fatal. */
export function readInputs(job: PlanJob, use: ModuleStepUse, diagnostics: Diagnostic[]): NodeInputs {
  const read = stepInputs("lang/node", job, use, KNOWN, NodeCodes.UNKNOWN_INPUT);
  diagnostics.push(...read.diagnostics);
  const asked = read.inputs.version?.trim();
  const version = asked ? setupVersion(asked.replace(/^v(?=\d)/, "")) : undefined;
  if (asked && !version) {
    diagnostics.push(
      warning(
        NodeCodes.BAD_INPUT_VERSION,
        `job "${job.jobId}", step ${use.stepIndex + 1}: uses lang/node with version "${asked}", which names no Node.js version; the detected version is used`,
        'write a version ("20.11.1"), a major ("20"), a range with a lower bound (">=20") or "lts/*"',
      ),
    );
  }
  return { version, install: read.inputs.install?.trim().toLowerCase() !== "false" };
}
