import type { Job, SetupToolchainStep, Step } from "@cigen/protocol";
import { installStep, type JsonObject } from "@cigen/provider-kit";

/** A tool's setup action: where it lives, the input naming the version, and fixed inputs. */
interface SetupAction {
  uses: string;
  versionInput: string;
  inputs?: (setup: SetupToolchainStep) => JsonObject;
}

/**
 * The official (or, for Ruby, the language's own) setup action of each tool that has one. Their
 * built-in caching stays off: the modules emit their own cache steps, and a second cache of the
 * same directories would only cost time. setup-go is the one that caches unless told not to.
 */
const SETUP_ACTIONS: Record<string, SetupAction> = {
  node: { uses: "actions/setup-node@v4", versionInput: "node-version" },
  python: { uses: "actions/setup-python@v5", versionInput: "python-version" },
  go: { uses: "actions/setup-go@v5", versionInput: "go-version", inputs: () => ({ cache: false }) },
  ruby: { uses: "ruby/setup-ruby@v1", versionInput: "ruby-version" },
  // setup-java needs a distribution; Temurin is the one the action's own examples use.
  java: {
    uses: "actions/setup-java@v4",
    versionInput: "java-version",
    inputs: (setup) => ({ distribution: setup.options.distribution || "temurin" }),
  },
};

/**
 * How a SetupToolchain step runs on GitHub: the tool's setup action on the runner, else (no action
 * for the tool, or the job runs in a `container:`) a run step of the module's install script. The
 * setup actions install prebuilt binaries made for GitHub's Ubuntu runners (setup-python and
 * setup-ruby refuse other distributions, none work on musl), so in an arbitrary job image the
 * portable script, which first checks the version already on PATH, is the one that works.
 */
export function placeToolchain(step: Step, job: Job): Step {
  if (step.kind.case !== "setupToolchain") return step;
  const setup = step.kind.value;
  if (job.image || !SETUP_ACTIONS[setup.tool]) return installStep(step, setup);
  return step;
}

/** `uses:` and `with:` of the tool's setup action, with the exact version the module detected. */
export function setupActionKeys(setup: SetupToolchainStep): JsonObject {
  const action = SETUP_ACTIONS[setup.tool];
  if (!action) return {};
  return { uses: action.uses, with: { [action.versionInput]: setup.version, ...action.inputs?.(setup) } };
}
