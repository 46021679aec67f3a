/** The rich model (see @cigen/provider-kit/testing) with provider_config and runner settings in GitLab's terms. */
import type { Model } from "@cigen/protocol";
import { richModel as sharedRichModel } from "@cigen/provider-kit/testing";

/** The rich model for GitLab. Used by the tests only. */
export function richModel(): Model {
  return sharedRichModel({
    docsRunnerSettingsJson: '{"tags":["docs-runner"]}',
    deployConfigJson: JSON.stringify({ environment: { name: "production" }, interruptible: false }),
    modelConfigJson: JSON.stringify({ default: { interruptible: true } }),
  });
}
