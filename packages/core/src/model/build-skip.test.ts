import { describe, expect, it } from "vitest";
import { loadOk } from "../../test-fixtures/config/load";
import { buildModel } from "./build-model";

const model = (text: string) => buildModel(loadOk(text), { target: "github", providers: ["github"] }).model;

describe("job skip settings in the model", () => {
  it("is unset for a job with no source_files and no skip_if: it is never skipped", () => {
    const [job] = model("jobs:\n  t:\n    steps:\n      - run: x\n").jobs;
    expect(job.skip).toBeUndefined();
    expect(job.skippable).toBe(false);
  });

  it("joins source_files and skip_if.paths_unmodified in order, keeps env, defaults to the native store", () => {
    const [job] = model(
      `jobs:\n  t:\n    source_files: ["src/**", "!src/gen/**"]\n    skip_if:\n      paths_unmodified: ["@docs"]\n      env: [NODE_ENV]\n    steps:\n      - run: x\nsource_file_groups:\n  docs: ["docs/**"]\n`,
    ).jobs;
    expect(job.skip).toMatchObject({
      sourceFiles: ["src/**", "!src/gen/**", "@docs"],
      env: ["NODE_ENV"],
      store: { type: "native", recordOn: [], settingsJson: "{}" },
    });
  });

  it("takes the job's store over the top-level one, settings as JSON", () => {
    const jobs = model(
      `skip_store: { type: redis, url_env: CIGEN_REDIS_URL, prefix: "r:", ttl_days: 30, record_on: ["main"] }\njobs:\n  a:\n    source_files: ["a/**"]\n    steps:\n      - run: x\n  b:\n    source_files: ["b/**"]\n    skip_store: { type: dir, path: /var/cache/cigen }\n    steps:\n      - run: x\n`,
    ).jobs;
    expect(jobs[0].skip?.store).toMatchObject({ type: "redis", recordOn: ["main"] });
    expect(JSON.parse(jobs[0].skip?.store?.settingsJson ?? "")).toEqual({
      url_env: "CIGEN_REDIS_URL",
      prefix: "r:",
      ttl_days: 30,
    });
    expect(jobs[1].skip?.store).toMatchObject({ type: "dir", settingsJson: '{"path":"/var/cache/cigen"}' });
  });
});
