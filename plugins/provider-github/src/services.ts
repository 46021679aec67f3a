import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Service } from "@cigen/protocol";
import { fillConnection, type JsonObject } from "@cigen/provider-kit";
import { INVALID_ID, SERVICE_ENV_CONTEXT } from "./codes";
import { expression, needsStepContext } from "./text-syntax";

/**
 * A job's `services:` block and the variables that point at them: `<NAME>_HOST` / `<NAME>_PORT`,
 * then each service's connection variables.
 */
export interface ServiceKeys {
  services: JsonObject | undefined;
  env: [string, string][];
  diagnostics: Diagnostic[];
}

/** GitHub's rule for keys under `jobs` and `services`. */
export const GITHUB_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Translates a job's service containers. Where the job runs decides how it reaches them: a job in a
 * `container:` shares a Docker network with them (hostname = service key, the container's own
 * port, nothing published); a job on the runner reaches them on localhost through a published port.
 * Published ports equal the container's port unless two services of the job want the same one, in
 * which case the later one takes the next free port, so the job still gets a working address.
 */
export function translateServices(job: Job): ServiceKeys {
  if (job.services.length === 0) return { services: undefined, env: [], diagnostics: [] };
  const inContainer = job.image !== "";
  const published = new Set<number>();
  const services: JsonObject = {};
  const env: [string, string][] = [];
  const diagnostics: Diagnostic[] = [];
  for (const service of job.services) {
    if (!GITHUB_ID.test(service.name)) diagnostics.push(invalidServiceName(job, service));
    const doc: JsonObject = { image: service.image };
    const serviceEnv = serviceEnvironment(job, service, diagnostics);
    if (serviceEnv) doc.env = serviceEnv;
    const prefix = envPrefix(service.name);
    const host = inContainer ? service.name : "localhost";
    const port = inContainer ? String(service.ports[0] ?? "") : publishPorts(service, published, doc);
    env.push([`${prefix}_HOST`, host]);
    if (port) env.push([`${prefix}_PORT`, port]);
    // The module's connection variables (DATABASE_URL, ...) point at the same address.
    for (const v of service.connectionEnv) env.push([v.name, fillConnection(v.template, { host, port })]);
    if (service.healthCmd) doc.options = healthOptions(service.healthCmd);
    services[service.name] = doc;
  }
  return { services, env, diagnostics };
}

/** `postgres` -> `POSTGRES`, `my-cache` -> `MY_CACHE`. */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}

/**
 * Docker health options, so GitHub waits until the service is ready before the first step (the
 * interval, timeout and retries are the values GitHub's own service examples use).
 */
export function healthOptions(command: string): string {
  const quoted = `"${command.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  return `--health-cmd ${quoted} --health-interval 10s --health-timeout 5s --health-retries 5`;
}

/** Publishes the service's ports on the runner; the host port of its first one ("" without ports). */
function publishPorts(service: Service, published: Set<number>, doc: JsonObject): string {
  if (service.ports.length === 0) return "";
  const mappings = service.ports.map((port) => [freePort(port, published), port]);
  doc.ports = mappings.map(([host, port]) => `${host}:${port}`);
  return String(mappings[0][0]);
}

function freePort(port: number, published: Set<number>): number {
  let host = port;
  while (published.has(host)) host++;
  published.add(host);
  return host;
}

function serviceEnvironment(job: Job, service: Service, diagnostics: Diagnostic[]): JsonObject | undefined {
  if (service.env.length === 0) return undefined;
  const env: JsonObject = {};
  for (const v of service.env) {
    if (needsStepContext(v.value)) diagnostics.push(serviceEnvContext(job, service, v.name));
    else env[v.name] = expression(v.value);
  }
  return env;
}

function serviceEnvContext(job: Job, service: Service, name: string): Diagnostic {
  return diagnostic({
    code: SERVICE_ENV_CONTEXT,
    message: `job "${job.id}": services.${service.name}.env.${name} uses {{ env.* }}, {{ os }}, {{ arch }} or {{ checksum }}, which GitHub Actions cannot evaluate for a service container`,
    hint: "Give the service a literal value, a secret or a variable instead.",
    loc: job.loc,
  });
}

function invalidServiceName(job: Job, service: Service): Diagnostic {
  return diagnostic({
    code: INVALID_ID,
    message: `job "${job.id}": service name "${service.name}" is not a valid GitHub Actions service id`,
    hint: "Name the service with letters, digits, '_' and '-', starting with a letter or '_'.",
    loc: job.loc,
  });
}
