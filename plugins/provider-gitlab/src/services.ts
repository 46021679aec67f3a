/**
 * Services as GitLab `services:` with an `alias`, so the job reaches each one by a stable hostname;
 * `<NAME>_HOST` is that alias and `<NAME>_PORT` its first port, and the service's connection
 * variables (`DATABASE_URL`) are filled with the same address. GitLab waits for a service's exposed
 * ports before the script starts; it cannot run a health command inside the service container.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Service } from "@cigen/protocol";
import { fillConnection, type JsonObject } from "@cigen/provider-kit";
import { SERVICE_HEALTH_CMD, SERVICE_WITHOUT_PORT } from "./codes";
import { variableValue } from "./variables";

/** The hostname a service gets: its name in DNS-safe form. */
export function serviceAlias(service: Service): string {
  return service.name.toLowerCase().replace(/[^a-z0-9-]/g, "-");
}

/** The prefix of the service's `<NAME>_HOST` / `<NAME>_PORT` variables. */
export function serviceVariablePrefix(service: Service): string {
  return service.name.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}

export interface JobServices {
  services: JsonObject[] | undefined;
  /** Variables the job gets for reaching the services. */
  variables: [string, string][];
  diagnostics: Diagnostic[];
}

/** The job's `services:`, its `<NAME>_HOST` / `<NAME>_PORT` variables and connection variables. */
export function jobServices(job: Job): JobServices {
  const result: JobServices = { services: undefined, variables: [], diagnostics: [] };
  if (!job.services.length) return result;
  result.services = job.services.map((service) => {
    const entry: JsonObject = { name: service.image, alias: serviceAlias(service) };
    if (service.env.length) {
      entry.variables = Object.fromEntries(service.env.map((e) => [e.name, variableValue(job, e.value)]));
    }
    return entry;
  });
  // The job's own env wins over a connection variable of the same name (as on every provider).
  const jobEnvNames = new Set(job.env.map((e) => e.name));
  for (const service of job.services) {
    const prefix = serviceVariablePrefix(service);
    const address = { host: serviceAlias(service), port: service.ports.length ? String(service.ports[0]) : "" };
    result.variables.push([`${prefix}_HOST`, address.host]);
    if (service.ports.length) result.variables.push([`${prefix}_PORT`, address.port]);
    else result.diagnostics.push(withoutPort(job, service));
    for (const { name, template } of service.connectionEnv) {
      // GitLab expands `$` in variables: a literal one is `$$`.
      if (!jobEnvNames.has(name))
        result.variables.push([name, fillConnection(template, address).replaceAll("$", "$$$$")]);
    }
    if (service.healthCmd) result.diagnostics.push(healthCmd(job, service));
  }
  return result;
}

function withoutPort(job: Job, service: Service): Diagnostic {
  return diagnostic({
    severity: "warning",
    code: SERVICE_WITHOUT_PORT,
    message: `job "${job.id}": service "${service.name}" lists no ports, so the gitlab provider cannot set ${serviceVariablePrefix(service)}_PORT`,
    hint: "add ports: [<port>] to the service",
    loc: job.loc,
  });
}

function healthCmd(job: Job, service: Service): Diagnostic {
  return diagnostic({
    severity: "info",
    code: SERVICE_HEALTH_CMD,
    message: `job "${job.id}": service "${service.name}" health_cmd is not run on gitlab; GitLab waits until the service's exposed ports accept connections instead`,
    loc: job.loc,
  });
}
