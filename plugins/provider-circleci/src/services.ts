import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Service } from "@cigen/protocol";
import { fillConnection, type JsonObject, shellQuote } from "@cigen/provider-kit";
import { SERVICE_RUNTIME_ENV, SERVICES_UNSUPPORTED } from "./codes";
import type { ExecutorKind } from "./executor";
import { literalEnvValue, quotedText } from "./text-syntax";

/** How a job gets its services: docker-list entries, steps that start them, and the env they give. */
export interface ServicePlan {
  /** Secondary containers appended to the docker executor's list. */
  containers: JsonObject[];
  /** Steps run before the job's own steps (start and/or wait for readiness). */
  steps: JsonObject[];
  /** `<NAME>_HOST` / `<NAME>_PORT`, then the services' connection variables, for the job's environment. */
  env: [string, string][];
}

/** `postgres` -> `POSTGRES`: the prefix of the variables a service gives the job. */
export function serviceEnvPrefix(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/**
 * Services on CircleCI. A docker executor runs them as secondary containers reachable on
 * localhost, and a step waits until the first port accepts connections (CircleCI has no health
 * checks and cigen cannot exec into a secondary container). A machine executor starts them with
 * `docker run`, publishing the ports on localhost and waiting for the health command when given.
 */
export function planServices(job: Job, kind: ExecutorKind, report: (d: Diagnostic) => void): ServicePlan {
  const plan: ServicePlan = { containers: [], steps: [], env: [] };
  if (job.services.length === 0) return plan;
  if (kind === "other") {
    report(
      diagnostic({
        code: SERVICES_UNSUPPORTED,
        message: `job "${job.id}": services need a docker or machine executor on circleci; the runner settings choose another`,
        hint: "give the runner class docker or machine settings for circleci, or drop services: for this job",
        loc: job.loc,
      }),
    );
    return plan;
  }
  for (const service of job.services) {
    const prefix = serviceEnvPrefix(service.name);
    const port = String(service.ports[0] ?? "");
    plan.env.push([`${prefix}_HOST`, "localhost"]);
    if (port) plan.env.push([`${prefix}_PORT`, port]);
    for (const v of service.connectionEnv) {
      plan.env.push([v.name, fillConnection(v.template, { host: "localhost", port })]);
    }
    if (kind === "docker") {
      plan.containers.push(container(job, service, report));
      const wait = waitForPort(service);
      if (wait) plan.steps.push(wait);
    } else {
      plan.steps.push(...dockerRun(job, service));
    }
  }
  return plan;
}

function container(job: Job, service: Service, report: (d: Diagnostic) => void): JsonObject {
  const environment: JsonObject = {};
  for (const env of service.env) {
    const value = literalEnvValue(env.value);
    if (value === undefined) {
      report(
        diagnostic({
          code: SERVICE_RUNTIME_ENV,
          message: `job "${job.id}": service "${service.name}" env ${env.name} uses a runtime value; circleci service containers take literal environment only`,
          hint: "use a literal value, or run the job on a machine runner where services start with docker run",
          loc: job.loc,
        }),
      );
    } else environment[env.name] = value;
  }
  return { image: service.image, ...(Object.keys(environment).length ? { environment } : {}) };
}

function waitForPort(service: Service): JsonObject | undefined {
  const port = service.ports[0];
  if (!port) return undefined;
  const command = [
    `for _ in $(seq 1 60); do`,
    `  if (echo > /dev/tcp/localhost/${port}) 2> /dev/null; then exit 0; fi`,
    `  sleep 2`,
    `done`,
    `echo "service ${service.name} did not open port ${port}" >&2`,
    `exit 1`,
  ].join("\n");
  return { run: { name: `Wait for service ${service.name}`, command } };
}

function dockerRun(job: Job, service: Service): JsonObject[] {
  const args = ["docker run --detach", `--name ${shellQuote(service.name)}`];
  for (const port of service.ports) args.push(`--publish ${port}:${port}`);
  for (const env of service.env) args.push(`--env "${env.name}=${quotedText(env.value, job)}"`);
  if (service.healthCmd) args.push(`--health-cmd ${shellQuote(service.healthCmd)} --health-interval 2s`);
  args.push(shellQuote(service.image));
  const steps: JsonObject[] = [{ run: { name: `Start service ${service.name}`, command: args.join(" \\\n  ") } }];
  if (service.healthCmd) {
    const name = shellQuote(service.name);
    const command = [
      `for _ in $(seq 1 60); do`,
      `  status=$(docker inspect --format '{{.State.Health.Status}}' ${name})`,
      `  if [ "$status" = healthy ]; then exit 0; fi`,
      `  sleep 2`,
      `done`,
      `echo "service ${service.name} is not healthy" >&2`,
      `exit 1`,
    ].join("\n");
    steps.push({ run: { name: `Wait for service ${service.name}`, command } });
  } else {
    const wait = waitForPort(service);
    if (wait) steps.push(wait);
  }
  return steps;
}
