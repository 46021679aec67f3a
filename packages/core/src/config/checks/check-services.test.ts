import { describe, expect, it } from "vitest";
import { load } from "../../../test-fixtures/config/load";
import { ConfigCodes } from "../codes";

const errors = (text: string) =>
  load(text).diagnostics.map(({ code, line, column, message, hint }) => ({ code, line, column, message, hint }));

describe("checkServices", () => {
  it("accepts image references, defined and built-in names; reports the rest", () => {
    const text =
      "services: {cache: {image: 'memcached:1'}}\njobs:\n  t:\n    services: [cache, postgres, 'mysql:8', ghcr.io/x/y, postgre]\n    steps: [{run: x}]\n";
    expect(errors(text)).toEqual([
      {
        code: ConfigCodes.UNKNOWN_SERVICE,
        line: 4,
        column: 57,
        message: 'job "t" uses unknown service "postgre"',
        hint: 'did you mean "postgres"? Known services: cache, mysql, postgres, redis; or give an image reference such as "postgre:latest"',
      },
    ]);
  });
});
