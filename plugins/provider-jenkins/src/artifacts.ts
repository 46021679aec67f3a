/**
 * Artifacts: every artifact is archived (`archiveArtifacts`, kept with the build) and stashed under
 * its stable name, and downstream stages `unstash` what the model lists in `artifact_inputs`. An
 * artifact from the OR side of a `needs_any` may not exist (that job may have failed), so it is
 * unstashed only when its job's success marker is set.
 */

import { diagnostic } from "@cigen/plugin-sdk";
import type { Artifact, Diagnostic, Job } from "@cigen/protocol";
import { ARTIFACT_RETENTION } from "./codes";
import { markerName } from "./dependencies";
import { groovyString } from "./groovy-string";

/** An artifact path as Ant includes: a directory (trailing `/`) becomes `dir/**`. */
export function includesOf(path: string): string {
  if (path.endsWith("/")) return `${path}**`;
  if (/[*?]/.test(path)) return path;
  // A plain path may name a file or a directory; match both.
  return `${path}, ${path}/**`;
}

/** The steps that keep the job's artifacts, run after its last step succeeded. */
export function keepSteps(artifacts: Artifact[]): string[] {
  return artifacts.flatMap((a) => {
    const includes = groovyString(includesOf(a.path));
    return [
      `stash name: ${groovyString(a.name)}, includes: ${includes}, allowEmpty: true`,
      `archiveArtifacts artifacts: ${includes}, allowEmptyArchive: true`,
    ];
  });
}

/** The steps that bring the job's artifact inputs into the workspace. */
export function unstashSteps(job: Job, certain: Set<string>): string[] {
  return job.artifactInputs.flatMap((input) => {
    if (!input.artifact) return [];
    const unstash = `unstash ${groovyString(input.artifact.name)}`;
    if (certain.has(input.fromJob)) return [unstash];
    return [`script { if (env.${markerName(input.fromJob)} == 'true') { ${unstash} } }`];
  });
}

/** Retention cannot be set per artifact on Jenkins: say so once per job that asks for it. */
export function retentionDiagnostics(job: Job): Diagnostic[] {
  if (!job.artifacts.some((a) => a.retentionHours > 0)) return [];
  return [
    diagnostic({
      severity: "info",
      code: ARTIFACT_RETENTION,
      message: `job "${job.id}": artifacts[].retention is not applied on jenkins; Jenkins keeps archived artifacts as long as the build (see buildDiscarder in provider_config.jenkins.options)`,
      loc: job.loc,
    }),
  ];
}
