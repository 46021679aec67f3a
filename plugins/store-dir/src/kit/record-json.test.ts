import { create } from "@bufbuild/protobuf";
import { SignatureRecordSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { checkRecord, decodeRecord, encodeRecord, newestFirst } from "./record-json";

const SIG = "0".repeat(63) + "1";
const record = create(SignatureRecordSchema, {
  jobId: "build",
  signature: SIG,
  recordedAt: "2025-01-01T12:00:00.000Z",
  metadata: { z: "last", a: "first" },
  inputsJson: '{"files": 3}',
});

describe("the stored record", () => {
  it("is one JSON object with the layout version, and decodes back to the same record", () => {
    const text = encodeRecord(record);
    expect(text).toBe(
      `{"format":1,"job_id":"build","signature":"${SIG}","recorded_at":"2025-01-01T12:00:00.000Z","metadata":{"a":"first","z":"last"},"inputs_json":"{\\"files\\": 3}"}\n`,
    );
    expect(decodeRecord("dir", text, "f", { jobId: "build", signature: SIG })).toEqual(record);
  });

  it("is never trusted when it does not decode or belongs to another key", () => {
    const text = encodeRecord(record);
    const cases: [string, { jobId: string; signature?: string }, RegExp][] = [
      ["{not json", { jobId: "build" }, /STORE-003: .*is not valid JSON/],
      ["[]", { jobId: "build" }, /STORE-003: .*has no string job_id/],
      ['{"job_id":"build"}', { jobId: "build" }, /has no string signature/],
      [text, { jobId: "lint" }, /belongs to job build/],
      [text, { jobId: "build", signature: "f".repeat(64) }, /holds signature/],
      [text.replace('"format":1', '"format":2'), { jobId: "build" }, /STORE-004: .*layout 2/],
    ];
    for (const [stored, expected, error] of cases) {
      expect(() => decodeRecord("dir", stored, "f", expected)).toThrow(error);
    }
  });

  it("is checked before it is written", () => {
    expect(() => checkRecord("s3", undefined)).toThrow(/STORE-002/);
    expect(() => checkRecord("s3", { ...record, signature: "ABC" })).toThrow(/not 64 lowercase hex/);
    expect(() => checkRecord("s3", { ...record, jobId: "" })).toThrow(/empty job id/);
    expect(() => checkRecord("s3", { ...record, recordedAt: "yesterday" })).toThrow(/not an RFC 3339 time/);
  });

  it("sorts most recent first", () => {
    const at = (recordedAt: string, signature = SIG) => ({ ...record, recordedAt, signature });
    const sorted = newestFirst([at("2025-01-01T00:00:00Z"), at("2025-03-01T00:00:00Z"), at("2025-02-01T00:00:00Z")]);
    expect(sorted.map((r) => r.recordedAt.slice(5, 7))).toEqual(["03", "02", "01"]);
  });
});
