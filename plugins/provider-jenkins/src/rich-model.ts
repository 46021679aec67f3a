// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${NAME} is meant literally
/** The rich model (see @cigen/provider-kit/testing) with provider_config and runner settings in Jenkins's terms. */
import type { Model } from "@cigen/protocol";
import { richModel as sharedRichModel, templateRun } from "@cigen/provider-kit/testing";

/** The rich model for Jenkins. Used by the tests only. */
export function richModel(): Model {
  return sharedRichModel({
    docsRunnerSettingsJson: '{"label":"docs && linux"}',
    deployConfigJson: JSON.stringify({ options: ["retry(2)"], environment: { DEPLOY_TARGET: "production" } }),
    modelConfigJson: JSON.stringify({
      agent: "any",
      options: ["timestamps()", "buildDiscarder(logRotator(numToKeepStr: '20'))"],
      parameters: ["booleanParam(name: 'FULL', defaultValue: false, description: 'Run everything')"],
      triggers: ["pollSCM('H/15 * * * *')"],
      tools: { jdk: "jdk17" },
      environment: { TZ: "UTC" },
    }),
    // A heredoc and a step name full of quotes and dollars: what a Groovy single-quoted string must carry unchanged.
    extraBuildSteps: [
      templateRun("cat <<'EOF'\nback\\slash ${NOT_GROOVY} $(date) `uname` \"dq\" ''' '\nEOF", {
        name: 'it\'s "quoted" ${x}',
      }),
    ],
  });
}
