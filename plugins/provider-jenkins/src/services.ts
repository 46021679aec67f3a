/**
 * Service containers on Jenkins, which has no such concept: the stage starts them itself with
 * `docker run` on its agent (which must have Docker, as `agent { docker }` already requires). Every
 * service joins a network of its own for the stage, under its name as network alias. How the steps
 * reach them depends on where the steps run:
 *
 * - a job with an image runs its steps in that image on the same network (`docker.image().inside`),
 *   so `<NAME>_HOST` is the alias and `<NAME>_PORT` the container port, as on GitLab or GitHub;
 * - a job without one runs its steps on the agent itself, so each service publishes its ports on
 *   127.0.0.1 at ports Docker picks (parallel stages on one agent never collide):
 *   `<NAME>_HOST` is 127.0.0.1 and `<NAME>_PORT` the published port, known only once it runs.
 *
 * This file says what the job gets; service-scripts.ts starts and stops the containers and
 * service-steps.ts wires both into the stage.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Diagnostic, Job, Service } from "@cigen/protocol";
import { doubleQuoteBody, fillConnection, secretNames } from "@cigen/provider-kit";
import { SERVICE_WITHOUT_PORT } from "./codes";

/** The variable the steps get with the stage's network name (for containers of their own). */
export const NETWORK_VARIABLE = "CIGEN_SERVICES_NETWORK";

/** Where the steps reach the services from: the job's container on their network, or the agent. */
export type ServiceReach = "network" | "host";

/** A job with an image reaches its services by name; a job on the agent through published ports. */
export function serviceReach(job: Job): ServiceReach {
  return job.image ? "network" : "host";
}

/** The hostname a service gets on the stage's network (also its container name suffix). */
export function serviceAlias(service: Service): string {
  return service.name.toLowerCase().replace(/[^a-z0-9-]/g, "-");
}

/** The prefix of the service's `<NAME>_HOST` / `<NAME>_PORT` variables. */
export function serviceVariablePrefix(service: Service): string {
  return service.name.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}

/** The shell variable the start script reads the i-th service's published port into (host reach). */
export function publishedPortVar(index: number): string {
  return `cigen_port_${index}`;
}

/** One variable the steps get, its value as the inside of a double-quoted shell string. */
export interface ServiceVariable {
  name: string;
  value: string;
}

/**
 * What the steps get for reaching the services: `<NAME>_HOST`, `<NAME>_PORT` (first port, when the
 * service lists one) and each connection variable filled with that address, unless the job's own
 * env sets a variable of that name (the job wins, as on every provider).
 */
export function serviceVariables(job: Job): ServiceVariable[] {
  const reach = serviceReach(job);
  const own = new Set(job.env.map((e) => e.name));
  return job.services.flatMap((service, i) => {
    const prefix = serviceVariablePrefix(service);
    const host = reach === "network" ? serviceAlias(service) : "127.0.0.1";
    const port = portValue(service, reach, i);
    const connection = service.connectionEnv
      .filter((c) => !own.has(c.name))
      .map((c) => ({ name: c.name, value: fillConnection(doubleQuoteBody(c.template), { host, port }) }));
    return [
      { name: `${prefix}_HOST`, value: host },
      ...(service.ports.length ? [{ name: `${prefix}_PORT`, value: port }] : []),
      ...connection,
    ];
  });
}

/** The first port as the steps see it: the container's on the network, the published one on the agent. */
function portValue(service: Service, reach: ServiceReach, index: number): string {
  if (!service.ports.length) return "";
  return reach === "network" ? String(service.ports[0]) : `\${${publishedPortVar(index)}}`;
}

/** Names the services set, so env values that read them are computed once the services run. */
export function serviceVariableNames(job: Job): Set<string> {
  if (!job.services.length) return new Set();
  return new Set([NETWORK_VARIABLE, ...serviceVariables(job).map((v) => v.name)]);
}

/** Secrets the services' own env reads (bound with withCredentials around the start). */
export function serviceSecrets(job: Job): string[] {
  return job.services.flatMap((s) => s.env.flatMap((e) => secretNames(e.value)));
}

/** A service without ports gives no `<NAME>_PORT` and, for a job on the agent, publishes nothing. */
export function serviceDiagnostics(job: Job): Diagnostic[] {
  return job.services
    .filter((service) => !service.ports.length)
    .map((service) =>
      diagnostic({
        severity: "warning",
        code: SERVICE_WITHOUT_PORT,
        message: `job "${job.id}": service "${service.name}" lists no ports, so the jenkins provider cannot set ${serviceVariablePrefix(service)}_PORT${serviceReach(job) === "host" ? " or publish it to the agent" : ""}`,
        hint: "add ports: [<port>] to the service",
        loc: job.loc,
      }),
    );
}
