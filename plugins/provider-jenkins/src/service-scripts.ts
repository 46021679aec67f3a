/**
 * The shell that starts a stage's service containers and the shell that removes them. Names derive
 * from `BUILD_TAG` (unique per build) and the job id, so both scripts find the same containers
 * without passing anything between them, and two builds or two parallel stages never share one.
 *
 * The start script prints nothing but `NAME=value` lines on stdout (docker's own output goes to
 * stderr, into the log): the stage reads them with `sh(returnStdout: true)` into `withEnv`.
 */
import type { Job } from "@cigen/protocol";
import { checksumPrelude, renderText, shellQuote, singleQuote } from "@cigen/provider-kit";
import {
  NETWORK_VARIABLE,
  publishedPortVar,
  type ServiceVariable,
  serviceAlias,
  serviceReach,
  serviceVariables,
} from "./services";
import { checksumPaths, doubleQuotedSyntax } from "./text-syntax";

/** How long a health command may take to pass: tries, two seconds apart. */
const HEALTH_TRIES = 60;
const HEALTH_INTERVAL_SECONDS = 2;

/** Sets `cigen_net`, the network's name and the prefix of its containers' names. */
function networkLine(job: Job): string {
  return `cigen_net="cigen-$(printf '%s' "\${BUILD_TAG:-local}-${job.id}" | tr -c 'A-Za-z0-9_.-' '-')"`;
}

/** Removes the containers and the network; never fails (nothing may be left to remove). */
function removeLines(job: Job): string[] {
  const containers = job.services.map((s) => `"$cigen_net-${serviceAlias(s)}"`).join(" ");
  return [
    `docker rm -f ${containers} >/dev/null 2>&1 || true`,
    `docker network rm "$cigen_net" >/dev/null 2>&1 || true`,
  ];
}

/** Waits until `$2` succeeds inside container `$1`; fails early when the container stopped. */
const WAIT_FUNCTION = [
  "cigen_wait() {",
  "  cigen_tries=0",
  '  until docker exec "$1" sh -c "$2" >/dev/null 2>&1; do',
  `    if [ "$(docker inspect -f '{{.State.Running}}' "$1")" != true ]; then`,
  '      echo "cigen: service container $1 stopped" >&2; docker logs "$1" >&2; exit 1',
  "    fi",
  "    cigen_tries=$((cigen_tries + 1))",
  `    if [ "$cigen_tries" -ge ${HEALTH_TRIES} ]; then`,
  `      echo "cigen: service container $1 not healthy after ${HEALTH_TRIES * HEALTH_INTERVAL_SECONDS} s: $2" >&2; docker logs "$1" >&2; exit 1`,
  "    fi",
  `    sleep ${HEALTH_INTERVAL_SECONDS}`,
  "  done",
  "}",
];

/** Prints the host port Docker published for container `$1`'s port `$2`. */
const PORT_FUNCTION = [
  "cigen_port() {",
  '  cigen_published=$(docker port "$1" "$2/tcp" | head -n 1)',
  '  if [ -z "$cigen_published" ]; then echo "cigen: $1 published no port for $2" >&2; exit 1; fi',
  `  printf '%s\\n' "\${cigen_published##*:}"`,
  "}",
];

/** The script that starts the job's services, waits for their health commands, prints the variables. */
export function startScript(job: Job): string {
  const host = serviceReach(job) === "host";
  const sums = [...new Set(job.services.flatMap((s) => s.env.flatMap((e) => checksumPaths(e.value))))];
  const lines = ["set -eu", networkLine(job), ...removeLines(job), ...checksumPrelude(sums)];
  lines.push(`docker network create "$cigen_net" >&2`);
  for (const service of job.services) {
    const alias = serviceAlias(service);
    const words = [`docker run -d --name "$cigen_net-${alias}" --network "$cigen_net" --network-alias ${alias}`];
    if (host) words.push(...service.ports.map((p) => `-p 127.0.0.1::${p}`));
    words.push(...service.env.map((e) => `-e "${e.name}=${renderText(e.value, doubleQuotedSyntax(job, sums))}"`));
    words.push(shellQuote(service.image), ">&2");
    lines.push(words.join(" "));
  }
  const healthy = job.services.filter((s) => s.healthCmd);
  if (healthy.length) lines.push(...WAIT_FUNCTION);
  for (const s of healthy) lines.push(`cigen_wait "$cigen_net-${serviceAlias(s)}" ${singleQuote(s.healthCmd)}`);
  if (host && job.services.some((s) => s.ports.length)) {
    lines.push(...PORT_FUNCTION);
    job.services.forEach((s, i) => {
      if (s.ports.length)
        lines.push(`${publishedPortVar(i)}=$(cigen_port "$cigen_net-${serviceAlias(s)}" ${s.ports[0]})`);
    });
  }
  const printed: ServiceVariable[] = [{ name: NETWORK_VARIABLE, value: "$cigen_net" }, ...serviceVariables(job)];
  lines.push(...printed.map((v) => `printf '%s\\n' "${v.name}=${v.value}"`));
  return lines.join("\n");
}

/** The script that removes the job's service containers and their network. */
export function stopScript(job: Job): string {
  return [networkLine(job), ...removeLines(job)].join("\n");
}
