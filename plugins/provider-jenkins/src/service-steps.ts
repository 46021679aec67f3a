/**
 * The services in a stage's steps and post. In a `script` block, one `sh` starts the containers and
 * prints the variables the steps get, `withEnv` scopes them to this stage (assigning `env.X` would
 * leak them into parallel stages), and a job with an image runs its steps in that image on the
 * services' network: `docker.image().inside` is what `agent { docker }` does, but it can start after
 * the services. The containers are removed in `post { cleanup }`, which runs whatever happened to
 * the steps (failure, abort, timeout).
 */
import type { Job } from "@cigen/protocol";
import { block, groovyString } from "./groovy-string";
import { startScript, stopScript } from "./service-scripts";
import { NETWORK_VARIABLE, serviceReach } from "./services";

/** `steps` wrapped so they run with the job's services up and reachable. */
export function withServices(job: Job, steps: string[]): string[] {
  const start = `String cigenServices = sh(label: 'Start services', returnStdout: true, script: ${groovyString(startScript(job))})`;
  const inner =
    serviceReach(job) === "network"
      ? block(`docker.image(${groovyString(job.image)}).inside("--network \${env.${NETWORK_VARIABLE}}")`, steps)
      : steps;
  return block("script", [start, ...block("withEnv(cigenServices.readLines())", inner)]);
}

/** The `post { cleanup }` step that removes the job's service containers. */
export function stopServicesStep(job: Job): string {
  return `sh label: 'Stop services', script: ${groovyString(stopScript(job))}`;
}
