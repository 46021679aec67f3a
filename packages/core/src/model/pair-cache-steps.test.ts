import { describe, expect, it } from "vitest";
import { loadOk } from "../../test-fixtures/config/load";
import { buildModel } from "./build-model";

const steps = (text: string) =>
  buildModel(loadOk(text), { target: "github", providers: ["github"] }).model.jobs[0].steps;

describe("restore_cache without paths", () => {
  it("takes the paths of the job's save_cache step with the same key", () => {
    const [restore] = steps(
      `jobs:\n  t:\n    steps:\n      - restore_cache: { key: "tools-{{ checksum \\"a.lock\\" }}" }\n      - run: make\n      - save_cache: { key: "tools-{{ checksum \\"a.lock\\" }}", paths: [tools/cache, .tools] }\n`,
    );
    expect(restore.kind.case === "restoreCache" && restore.kind.value.paths).toEqual(["tools/cache", ".tools"]);
  });

  it("stays without paths when no save_cache has the same key", () => {
    const [restore] = steps(
      `jobs:\n  t:\n    steps:\n      - restore_cache: { key: "a-{{ os }}" }\n      - save_cache: { key: "b-{{ os }}", paths: [x] }\n`,
    );
    expect(restore.kind.case === "restoreCache" && restore.kind.value.paths).toEqual([]);
  });
});
