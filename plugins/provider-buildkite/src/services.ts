import { posix } from "node:path";
import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Service, Text } from "@cigen/protocol";
import { fillConnection, type JsonObject, renderText, toYaml } from "@cigen/provider-kit";
import { SERVICE_ENV, SERVICES_NO_CHECKOUT } from "./codes";
import { stepKey } from "./keys";
import { jobArch } from "./text-syntax";

/** The Docker Compose plugin that runs a job with services. */
export const COMPOSE_PLUGIN = "docker-compose#v5.2.0";

/** How a job gets its services: compose services, step env, plugin, and commands around the steps. */
export interface ServicePlan {
  /** Services for the generated compose file. */
  compose: JsonObject;
  /** `<NAME>_HOST` / `<NAME>_PORT`, then the services' connection variables. */
  env: [string, string][];
  plugin?: JsonObject;
  /** Commands before the steps (start services on the agent) and at exit (remove them). */
  start: string[];
  stop: string[];
}

/** `my-db` -> `MY_DB`: the prefix of the variables a service gives the job. */
export function serviceEnvPrefix(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/** Where the compose file sits relative to the repository, and the way back to the checkout. */
export interface ComposeFile {
  path: string;
  /** The checkout directory relative to the compose file's directory. */
  root: string;
}

/** The compose file beside the pipeline file. */
export function composeFile(pipelinePath: string): ComposeFile {
  const dir = posix.dirname(pipelinePath);
  return { path: posix.join(dir, "docker-compose.cigen.yml"), root: posix.relative(dir, ".") || "." };
}

/**
 * Services through Docker Compose. A job with an image runs in a compose service of that image
 * (the Docker Compose plugin), its services beside it on the compose network: `<NAME>_HOST` is
 * the service name and `<NAME>_PORT` its container port. A job without an image runs on the
 * agent, so its services are started with `docker compose up --wait` publishing their ports on
 * the agent: `<NAME>_HOST` is 127.0.0.1. Either way the services are healthy before the steps.
 */
export function planServices(
  job: Job,
  file: ComposeFile,
  needsAgent: boolean,
  report: (d: Diagnostic) => void,
): ServicePlan {
  const plan: ServicePlan = { compose: {}, env: [], start: [], stop: [] };
  if (job.services.length === 0) return plan;
  const onAgent = !job.image;
  const names: string[] = [];
  for (const service of job.services) {
    const name = `${stepKey(job.id)}-${service.name}`;
    names.push(name);
    plan.compose[name] = serviceContainer(job, service, onAgent, report);
    const prefix = serviceEnvPrefix(service.name);
    const host = onAgent ? "127.0.0.1" : service.name;
    const port = String(service.ports[0] ?? "");
    plan.env.push([`${prefix}_HOST`, host]);
    if (port) plan.env.push([`${prefix}_PORT`, port]);
    for (const v of service.connectionEnv) plan.env.push([v.name, fillConnection(v.template, { host, port })]);
  }
  if (onAgent) {
    // The compose file goes in on stdin, so it does not depend on the checkout.
    const project = `-p "cigen-\${BUILDKITE_JOB_ID}"`;
    const yaml = toYaml({ services: plan.compose }).trimEnd().split("\n");
    plan.start.push(`docker compose ${project} -f - up --detach --wait <<'CIGEN_COMPOSE'`, ...yaml, "CIGEN_COMPOSE");
    plan.stop.push(`docker compose ${project} down --volumes`);
    plan.compose = {};
    return plan;
  }
  if (job.checkout && !job.checkout.enabled) {
    report(
      diagnostic({
        code: SERVICES_NO_CHECKOUT,
        message: `job "${job.id}": services with an image need the checkout on buildkite (the docker-compose plugin reads the generated compose file from it), and the job has checkout: false`,
        hint: "enable the checkout for this job, or drop image: so the services run on the agent",
        loc: job.loc,
      }),
    );
  }
  const depends: JsonObject = {};
  job.services.forEach((s, i) => {
    depends[names[i]] = { condition: s.healthCmd ? "service_healthy" : "service_started" };
  });
  plan.compose[stepKey(job.id)] = {
    image: job.image,
    working_dir: "/workdir",
    volumes: [`${file.root}:/workdir`],
    depends_on: depends,
  };
  plan.plugin = {
    [COMPOSE_PLUGIN]: {
      run: stepKey(job.id),
      config: file.path,
      "propagate-environment": true,
      ...(needsAgent ? { "mount-buildkite-agent": true } : {}),
    },
  };
  return plan;
}

function serviceContainer(job: Job, service: Service, onAgent: boolean, report: (d: Diagnostic) => void) {
  const environment: JsonObject = {};
  for (const env of service.env) environment[env.name] = composeValue(job, service, env.name, env.value, report);
  return {
    image: service.image,
    ...(Object.keys(environment).length ? { environment } : {}),
    ...(onAgent && service.ports.length ? { ports: service.ports.map((p) => `${p}:${p}`) } : {}),
    ...(onAgent ? {} : { networks: { default: { aliases: [service.name] } } }),
    ...(service.healthCmd
      ? {
          healthcheck: {
            test: ["CMD-SHELL", service.healthCmd.replace(/\$/g, "$$$$")],
            interval: "2s",
            timeout: "5s",
            retries: 30,
          },
        }
      : {}),
  };
}

/**
 * A service env value in Compose's syntax: `$` doubled in literal text, runtime values as
 * `${NAME}`, which Compose reads from the job's environment when it starts the services.
 */
function composeValue(
  job: Job,
  service: Service,
  name: string,
  value: Text | undefined,
  report: (d: Diagnostic) => void,
) {
  return renderText(value, {
    env: (n) => `\${${n}}`,
    secret: (n) => `\${${n}}`,
    git: (kind) => (kind === "sha" ? `\${BUILDKITE_COMMIT}` : `\${BUILDKITE_BRANCH}`),
    checksum: (path) => {
      report(
        diagnostic({
          code: SERVICE_ENV,
          message: `job "${job.id}": service "${service.name}" env ${name} uses a checksum of "${path}", which docker compose cannot compute on buildkite`,
          hint: "compute the value in a job env variable and refer to it with {{ env.NAME }}",
          loc: job.loc,
        }),
      );
      return "";
    },
    platform: (kind) => (kind === "os" ? "linux" : jobArch(job)),
    literal: (text) => text.replace(/\$/g, "$$$$"),
  });
}
