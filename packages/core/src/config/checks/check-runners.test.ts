import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

import { checkRunnerProviders } from "./check-runners";

describe("checkRunners", () => {
  it("reports unknown runner classes", () => {
    const text =
      "project: {default_runner: hug}\nrunners: {huge: {github: {runs-on: big}}}\njobs:\n  t: {runner: larg, steps: [{run: x}]}\n";
    expect(errors(text).map((e) => [e.line, e.message, e.hint])).toEqual([
      [
        1,
        'project.default_runner uses unknown runner class "hug"',
        'did you mean "huge"? Known runner classes: default, small, medium, large, xlarge, huge',
      ],
      [
        4,
        'job "t" uses unknown runner class "larg"',
        'did you mean "large"? Known runner classes: default, small, medium, large, xlarge, huge',
      ],
    ]);
  });
  it("reports a custom class without settings for a selected provider", () => {
    const config = load(
      "runners: {huge: {github: {runs-on: big}}}\njobs:\n  t: {runner: huge, steps: [{run: x}]}\n  u: {runner: large, steps: [{run: x}]}\n",
    ).config!;
    expect(checkRunnerProviders(config, ["github"])).toEqual([]);
    expect(checkRunnerProviders(config, ["github", "circleci"])).toMatchObject([
      {
        code: ConfigCodes.RUNNER_MISSING_PROVIDER,
        line: 3,
        column: 15,
        message: 'runner class "huge" has no settings for provider "circleci"',
      },
    ]);
  });
});
