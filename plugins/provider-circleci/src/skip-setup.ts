import type { Model } from "@cigen/protocol";
import { installUnlessRunnable, isSkippable, type JsonObject, type SkipSettings, storeType } from "@cigen/provider-kit";
import { invocationConfig } from "./job";
import { pipelineParameters } from "./triggers";

/** The setup workflow's job (and workflow) name. */
export const SETUP_JOB = "cigen-setup";

/** The image the setup job runs in: Node for cigen, with git, jq and curl. */
const SETUP_IMAGE = "cimg/node:lts";

/**
 * The setup configuration (`setup: true`) written in place of the full config when some job may be
 * skipped. Its one workflow checks out, installs cigen and runs `cigen continuation`, which
 * computes every signature, prunes the jobs recorded in their store and writes the full config for
 * what remains; the job then continues the pipeline with it through CircleCI's continuation API
 * (the key is in `$CIRCLE_CONTINUATION_KEY`). A plain API call rather than the continuation orb:
 * the config stays self-contained and CircleCI's config tools can check it offline.
 *
 * Pipeline parameters are declared as the full config declares them: values given when the
 * pipeline was triggered carry over to the continuation, which must declare them too.
 */
export function setupDocument(model: Model, settings: SkipSettings): JsonObject {
  const parameters = pipelineParameters(model);
  const continueScript = [
    'config="$(mktemp)"',
    `${settings.command} continuation --provider circleci --output "$config"`,
    `jq -n --arg key "$CIRCLE_CONTINUATION_KEY" --rawfile config "$config" '{"continuation-key": $key, "configuration": $config}' |`,
    "  curl --fail-with-body --silent --show-error --request POST \\",
    '    --header "Content-Type: application/json" --data-binary @- \\',
    // A shell default, not a template: CircleCI server installations set CIRCLECI_DOMAIN.
    `    "https://\${CIRCLECI_DOMAIN:-circleci.com}/api/v2/pipeline/continue"`,
  ].join("\n");
  const job: JsonObject = {
    docker: [{ image: SETUP_IMAGE }],
    resource_class: "small",
    steps: [
      { checkout: { method: "shallow", depth: 1 } },
      ...(settings.install ? [{ run: { name: "Install cigen", command: installUnlessRunnable(settings) } }] : []),
      { run: { name: "cigen: continue with the jobs that must run", command: continueScript } },
    ],
  };
  const contexts = storeContexts(model);
  const entry = contexts.length ? { [SETUP_JOB]: { context: contexts } } : SETUP_JOB;
  return {
    version: 2.1,
    setup: true,
    ...(parameters ? { parameters } : {}),
    jobs: { [SETUP_JOB]: job },
    workflows: { [SETUP_JOB]: { jobs: [entry] } },
  };
}

/**
 * Contexts of the jobs whose store the setup job reads (dir, redis, s3): store credentials come
 * from environment variables, which such jobs get from their contexts, and the lookup needs them.
 */
function storeContexts(model: Model): string[] {
  const names = new Set<string>();
  for (const job of model.jobs) {
    if (!isSkippable(job) || storeType(job) === "native") continue;
    const context = invocationConfig(job).context;
    for (const name of Array.isArray(context) ? context : [context]) if (typeof name === "string") names.add(name);
  }
  return [...names].sort();
}
