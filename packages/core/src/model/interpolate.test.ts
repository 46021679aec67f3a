import { toJson } from "@bufbuild/protobuf";
import { TextSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { loadOk } from "../../test-fixtures/config/load";
import { ConfigCodes } from "../config/codes";
import { interpolate, type Scope } from "./interpolate";

const scope: Scope = { variables: new Map([["region", "eu"]]), matrix: new Map([["ruby", "3.3"]]) };

function run(value: string, runtime = true, s: Scope = scope) {
  // The string sits in a real config so positions can be checked.
  const config = loadOk(`jobs:\n  t:\n    steps:\n      - run: ${JSON.stringify(value)}\n`);
  const result = interpolate(
    config,
    { path: ["jobs", "t", "steps", 0, "run"], value, runtime, what: "a run command" },
    s,
  );
  const json = toJson(TextSchema, result.text) as { parts?: unknown[] };
  return { parts: json.parts ?? [], diagnostics: result.diagnostics };
}

describe("interpolate", () => {
  it("replaces compile-time references and keeps runtime ones as segments", () => {
    const { parts, diagnostics } = run(
      'r={{ matrix.ruby }} {{ variables.region }}/{{region}} {{ env.HOME }} {{ secrets.T }} {{ git.sha }} {{ git.branch }} {{ checksum "a.lock" }} {{ os }}-{{ arch }}',
    );
    expect(diagnostics).toEqual([]);
    expect(parts).toEqual([
      { literal: "r=3.3 eu/eu " },
      { env: "HOME" },
      { literal: " " },
      { secret: "T" },
      { literal: " " },
      { git: "sha" },
      { literal: " " },
      { git: "branch" },
      { literal: " " },
      { checksum: "a.lock" },
      { literal: " " },
      { platform: "os" },
      { literal: "-" },
      { platform: "arch" },
    ]);
  });

  it('passes GitHub expressions through and unescapes {{ "{{" }}', () => {
    // Built by concatenation: the dollar-brace text is the subject, not a template placeholder.
    const github = "$" + "{{ github.sha }}";
    expect(run(`echo ${github} {{ "{{" }} x }}`).parts).toEqual([{ literal: `echo ${github} {{ x }}` }]);
  });

  it("reports unknown names at the reference inside the string", () => {
    const { diagnostics } = run("echo {{ matrix.rubby }}");
    // `      - run: "echo {{` : the quote is column 14, the reference column 20.
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: ConfigCodes.UNKNOWN_REFERENCE,
        message: "a run command: unknown reference {{ matrix.rubby }}",
        hint: 'did you mean "matrix.ruby"? Known names: matrix.ruby',
        file: "cigen.yml",
        line: 4,
        column: 20,
      },
    ]);
  });

  it("reports matrix references in a job without matrix", () => {
    const { diagnostics } = run("{{ matrix.x }}", true, { variables: new Map() });
    expect(diagnostics[0].message).toBe("a run command: unknown reference {{ matrix.x }}: this job has no matrix");
  });

  it("reports malformed interpolation", () => {
    expect(run("a {{ b").diagnostics[0]).toMatchObject({ code: ConfigCodes.MALFORMED_INTERPOLATION, column: 17 });
    expect(run("a {{ }}").diagnostics[0].code).toBe(ConfigCodes.MALFORMED_INTERPOLATION);
    expect(run("{{ checksum }}").diagnostics[0].code).toBe(ConfigCodes.MALFORMED_INTERPOLATION);
    expect(run("{{ git.tag }}").diagnostics[0].code).toBe(ConfigCodes.UNKNOWN_REFERENCE);
  });

  it("refuses runtime references in compile-time strings", () => {
    const { diagnostics } = run("img:{{ env.TAG }}", false);
    expect(diagnostics[0]).toMatchObject({ code: ConfigCodes.RUNTIME_REFERENCE_NOT_ALLOWED, line: 4, column: 19 });
    expect(diagnostics[0].message).toBe("a run command cannot use the runtime value {{ env.TAG }}");
  });

  it("locates references in block scalars by line", () => {
    const config = loadOk("jobs:\n  t:\n    steps:\n      - run: |\n          echo one\n          echo {{ nope }}\n");
    const value = config.raw.jobs.t.steps[0].run as string;
    const result = interpolate(
      config,
      { path: ["jobs", "t", "steps", 0, "run"], value, runtime: true, what: "x" },
      scope,
    );
    expect(result.diagnostics[0]).toMatchObject({ line: 6, column: 16 });
  });
});
