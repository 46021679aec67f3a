import { describe, expect, it } from "vitest";
import { PluginCodes } from "../host/codes";
import { PluginFailure } from "../host/plugin-failure";
import { storeFailureDiagnostic } from "./store-failure";

describe("a failed store call as a diagnostic", () => {
  it("keeps a store error's own code, message and hint", () => {
    const failure = new PluginFailure(
      "cigen-store-redis",
      PluginCodes.CALL_FAILED,
      "reported an internal error during StoreLookup: STORE-REDIS-001: CIGEN_REDIS_URL is not set\nhint: set it",
      "this is a bug in the plugin",
    );
    expect(storeFailureDiagnostic(failure, "could not look up job a", "the job runs")).toEqual({
      severity: "error",
      code: "STORE-REDIS-001",
      plugin: "cigen-store-redis",
      message: "could not look up job a: CIGEN_REDIS_URL is not set (the job runs)",
      hint: "set it",
    });
  });

  it("keeps the host's code and stderr for a crash or any other error", () => {
    const failure = new PluginFailure("cigen-store-x", PluginCodes.CRASHED_IN_CALL, "exited with code 1", "report", [
      "panic",
    ]);
    expect(storeFailureDiagnostic(failure, "could not look up job a", "the job runs")).toMatchObject({
      code: PluginCodes.CRASHED_IN_CALL,
      message: "could not look up job a: plugin cigen-store-x exited with code 1 (the job runs)",
      details: ["stderr: panic"],
    });
  });
});
