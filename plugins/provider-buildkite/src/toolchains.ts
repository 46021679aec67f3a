import { create } from "@bufbuild/protobuf";
import { type Job, type SetupToolchainStep, type Step, type Text, TextSchema } from "@cigen/protocol";
import { installStep, placeToolchains } from "@cigen/provider-kit";
import { hereDocDelimiter } from "./here-doc";

/**
 * The job with its toolchains placed. A job without an image runs in its first toolchain's image
 * (the module's official image, e.g. node:20.11.1), through the same plugins as any image job, so
 * the agent needs Docker but no language installed; every other toolchain runs the module's
 * install script inside that image, which first checks the version already on PATH.
 */
export function placeJobToolchains(job: Job): Job {
  if (!job.steps.some((s) => s.kind.case === "setupToolchain")) return job;
  const steps = job.steps.map((step) =>
    step.kind.case === "setupToolchain"
      ? { ...step, kind: { case: "setupToolchain" as const, value: inChildShell(step.kind.value) } }
      : step,
  );
  const placed = placeToolchains({ ...job, steps }, { images: true });
  return { ...job, image: placed.image, steps: placed.steps };
}

/** A SetupToolchain step as the run step of its install script (in a child shell, see below). */
export function installRunStep(step: Step, setup: SetupToolchainStep): Step {
  return installStep(step, inChildShell(setup));
}

const DELIMITER = "CIGEN_INSTALL";

/**
 * The install script run by `sh -e` from a quoted here-document (here-doc.ts says why). `sh`: the
 * script is portable shell, and images need not have bash.
 */
function inChildShell(setup: SetupToolchainStep): SetupToolchainStep {
  const parts = setup.install?.parts ?? [];
  const literals = parts.flatMap((p) => (p.kind.case === "literal" ? [p.kind.value] : []));
  const delimiter = hereDocDelimiter(DELIMITER, literals);
  const install: Text = create(TextSchema, {
    parts: [
      { kind: { case: "literal", value: `sh -e <<'${delimiter}'\n` } },
      ...parts,
      { kind: { case: "literal", value: `\n${delimiter}` } },
    ],
  });
  return { ...setup, install };
}
