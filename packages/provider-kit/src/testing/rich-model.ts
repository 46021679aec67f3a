// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${NAME} is meant literally
/**
 * A model that exercises every concept a provider translates: matrix variants, needs and
 * needs_any, services, caches (job caches and cache steps), artifacts between jobs, manual,
 * scheduled and ref-filtered jobs, several workflows, runner classes and arm64, timeouts, checkout
 * options, env/secrets/git refs and provider_config. Used by the tests only.
 */
import type { Model, Step } from "@cigen/protocol";
import { StepCondition } from "@cigen/protocol";
import { job, modelOf, templateRun } from "./model-builders";
import { t } from "./template-text";

/** What differs per provider in the rich model: provider_config and runner settings are in its own terms. */
export interface RichModelSettings {
  /** The `docs` job's runner settings (how that provider picks a machine by label or tag). */
  docsRunnerSettingsJson: string;
  /** The `deploy` job's provider_config. */
  deployConfigJson: string;
  /** The model's top-level provider_config. */
  modelConfigJson: string;
  /** Run after the build steps every provider gets: quoting cases peculiar to the provider. */
  extraBuildSteps?: Step[];
}

const dist = (from: string) => ({ path: "dist/", retentionHours: 168, name: `${from}-0` });

/** The rich model, with `settings` filling in the parts each provider writes in its own terms. */
export function richModel(settings: RichModelSettings): Model {
  const build = (node: string) =>
    job(`build-${node}`, {
      baseId: "build",
      matrix: [{ dimension: "node", value: node }],
      image: `node:${node}`,
      env: [
        { name: "CI_LEVEL", value: t("1") },
        { name: "NODE_VERSION", value: t(node) },
        { name: "LOCK_SUM", value: t('lock-{{ checksum "package-lock.json" }}') },
      ],
      caches: [
        {
          name: "node",
          key: t('{{ os }}-{{ arch }}-node-{{ checksum "package-lock.json" }}'),
          restoreKeys: [t("{{ os }}-{{ arch }}-node-")],
          paths: ["node_modules/"],
        },
      ],
      steps: [
        templateRun("npm ci"),
        templateRun('npm run build -- --sha "{{ git.sha }}" --branch "{{ git.branch }}"', {
          env: [{ name: "NPM_TOKEN", value: t("{{ secrets.NPM_TOKEN }}") }],
          workingDirectory: "packages/app",
        }),
        templateRun("echo \"cost: \\$5 for ${HOME}\" 'single '\\''quoted'\\''' && echo '''triple'''"),
        ...(settings.extraBuildSteps ?? []),
      ],
      artifacts: [dist(`build-${node}`)],
    });
  return modelOf(
    [
      build("20"),
      build("22"),
      job("test", {
        needs: ["build-20"],
        runner: { className: "large" },
        timeoutMinutes: 30,
        services: [
          {
            name: "postgres",
            image: "postgres:16",
            ports: [5432],
            env: [{ name: "POSTGRES_PASSWORD", value: t("pw$1") }],
          },
        ],
        artifactInputs: [{ fromJob: "build-20", artifact: dist("build-20") }],
        steps: [
          templateRun("npm test"),
          templateRun("echo tests failed >&2", { condition: StepCondition.FAILURE }),
          templateRun("rm -rf tmp/", { condition: StepCondition.ALWAYS }),
        ],
      }),
      job("lint-arm", {
        arch: "arm64",
        checkout: { enabled: true, depth: 0, submodules: true, lfs: true },
        steps: [templateRun("npm run lint -- --arch {{ arch }} --os {{ os }}")],
      }),
      job("docs", {
        checkout: { enabled: false },
        runner: { className: "ci-box", settingsJson: settings.docsRunnerSettingsJson },
      }),
      job("package", {
        needs: ["build-22"],
        needsAny: ["test", "lint-arm"],
        artifactInputs: [
          { fromJob: "build-22", artifact: dist("build-22") },
          { fromJob: "build-20", artifact: dist("build-20") },
        ],
        artifacts: [{ path: "pkg/app.tgz", retentionHours: 12, name: "package-0" }],
        steps: [
          { kind: { case: "restoreCache", value: { key: t("pkg-{{ git.branch }}"), paths: ["pkg-cache/"] } } },
          templateRun("tar czf pkg/app.tgz dist/"),
          { kind: { case: "saveCache", value: { key: t("pkg-{{ git.branch }}"), paths: ["pkg-cache/"] } } },
        ],
      }),
      job("deploy", {
        needs: ["package"],
        trigger: { manual: true, branches: ["main", "release/**"] },
        artifactInputs: [
          { fromJob: "package", artifact: { path: "pkg/app.tgz", retentionHours: 12, name: "package-0" } },
        ],
        env: [{ name: "DEPLOY_KEY", value: t("{{ secrets.DEPLOY_KEY }}") }],
        providerConfigJson: settings.deployConfigJson,
        steps: [templateRun('./deploy.sh "$DEPLOY_KEY"')],
      }),
      job("nightly-report", { workflow: "nightly", trigger: { cron: "30 2 * * *" } }),
      job("publish", { workflow: "release", trigger: { tags: ["v*", "!v0.*"] }, runner: { className: "medium" } }),
    ],
    {
      env: [{ name: "CI_LEVEL", value: t("1") }],
      workflows: [
        {
          id: "ci",
          triggers: { push: { branches: ["main", "release/**"], tags: ["v*"] }, pullRequest: { branches: ["main"] } },
        },
        { id: "nightly", triggers: { schedules: ["30 2 * * *"] } },
        { id: "release", triggers: { push: { tags: ["v*"] }, manual: true } },
      ],
      providerConfigJson: settings.modelConfigJson,
    },
  );
}
