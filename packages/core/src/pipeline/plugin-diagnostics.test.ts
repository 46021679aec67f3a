import { create } from "@bufbuild/protobuf";
import { DiagnosticSchema, Severity } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { fixture, loadOk } from "../../test-fixtures/config/load";
import { buildModel } from "../model/build-model";
import { fromWireDiagnostic, resolvePluginPositions } from "./plugin-diagnostics";

const config = loadOk(fixture("rails.yml"));
const { model } = buildModel(config, { target: "github", providers: ["github"] });
const job = (id: string) => model.jobs.find((j) => j.id === id)!;

/** What a provider sends back for a model node: the SDK's diagnostic() copies its Loc. */
function wire(loc: { file: string; line: number; column: number; path: string[] }) {
  return create(DiagnosticSchema, { level: Severity.WARNING, code: "GITHUB-001", message: "m", loc });
}

describe("plugin diagnostics", () => {
  it("resolves a model Loc's path to the key's line and column when reported", () => {
    const step = job("setup").steps[0].loc!;
    const jobLoc = job("test-3_2").loc!;
    const ds = [fromWireDiagnostic(wire(step), "github"), fromWireDiagnostic(wire(jobLoc), "github")];
    expect(ds[0].line).toBeUndefined();
    resolvePluginPositions(ds, config);
    // The inlined command step is the command's step in cigen.yml; a variant is its base job.
    expect(ds.map((d) => [d.file, d.line, d.column])).toEqual([
      ["cigen.yml", 28, 9],
      ["cigen.yml", config.locate(["jobs", "test"]).line, 3],
    ]);
  });

  it("keeps positions a plugin set itself, and diagnostics without a Loc", () => {
    const own = fromWireDiagnostic(wire({ file: "cigen.yml", line: 7, column: 2, path: ["jobs", "setup"] }), "p");
    const none = fromWireDiagnostic(create(DiagnosticSchema, { level: Severity.ERROR, code: "X", message: "m" }), "p");
    resolvePluginPositions([own, none], config);
    expect([own.line, own.column, none.line, none.file]).toEqual([7, 2, undefined, undefined]);
  });

  it("does not resolve a path against another file", () => {
    const other = fromWireDiagnostic(wire({ file: "other.yml", line: 0, column: 0, path: ["jobs"] }), "p");
    resolvePluginPositions([other], config);
    expect([other.file, other.line]).toEqual(["other.yml", undefined]);
  });
});
