import { describe, expect, it } from "vitest";
import { ARTIFACT_ROOT_ANCHOR, downloadSteps, retentionDays, uploadSteps } from "./artifacts";
import { job } from "./test-models";

describe("retentionDays", () => {
  it("rounds hours up to days and caps at GitHub's maximum", () => {
    expect(retentionDays(0)).toBeUndefined();
    expect(retentionDays(1)).toBe(1);
    expect(retentionDays(24)).toBe(1);
    expect(retentionDays(25)).toBe(2);
    expect(retentionDays(24 * 365)).toBe(90);
  });
});

describe("artifact steps", () => {
  it("uploads each artifact, failing when its files are missing", () => {
    const steps = uploadSteps(job("build", { artifacts: [{ path: "dist/", retentionHours: 12, name: "build-0" }] }));
    expect(steps).toEqual([
      {
        name: "Upload dist/",
        uses: "actions/upload-artifact@v4",
        with: {
          name: "build-0",
          path: `dist/\n${ARTIFACT_ROOT_ANCHOR}`,
          "retention-days": 1,
          "if-no-files-found": "error",
        },
      },
    ]);
  });

  it("downloads each upstream artifact into the workspace", () => {
    const steps = downloadSteps(
      job("test", { artifactInputs: [{ fromJob: "build", artifact: { path: "dist/", name: "build-0" } }] }),
    );
    expect(steps).toEqual([
      { name: "Download dist/ from build", uses: "actions/download-artifact@v4", with: { name: "build-0" } },
    ]);
  });
});
