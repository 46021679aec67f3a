import { create } from "@bufbuild/protobuf";
import { type SignatureRecord, SignatureRecordSchema, type SkipStore } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { isPluginFailure } from "../host/plugin-failure";
import type { PluginProcess } from "../host/plugin-process";
import { StoreCodes } from "./codes";
import type { SignatureRecordInit, SignatureStore } from "./store-client";
import { storeFailureDiagnostic } from "./store-failure";

const SIGNATURE = /^[0-9a-f]{64}$/;

/**
 * A SignatureStore backed by a running store plugin. Every answer is checked before it is believed:
 * a "found" whose record is missing or belongs to another job or signature is treated as not found,
 * because a wrong skip ships untested code while a missed skip only costs minutes.
 */
export class PluginSignatureStore implements SignatureStore {
  private diagnostics: Diagnostic[] = [];

  constructor(
    readonly type: string,
    private readonly spec: SkipStore,
    private readonly plugin: PluginProcess,
  ) {}

  async lookup(jobId: string, signature: string): Promise<SignatureRecord | undefined> {
    const doing = `could not look up job ${jobId} in the ${this.type} store`;
    if (!this.validKey(doing, jobId, signature)) return undefined;
    const answer = await this.attempt(doing, "the job runs", () =>
      this.plugin.call("storeLookup", { store: this.spec, jobId, signature }),
    );
    if (!answer?.found) return undefined;
    const record = answer.record;
    if (record?.jobId === jobId && record.signature === signature) return record;
    this.diagnostics.push({
      severity: "error",
      code: StoreCodes.INVALID_ANSWER,
      plugin: this.plugin.name,
      message: `the ${this.type} store answered "found" for job ${jobId} with ${record ? `the record of job ${record.jobId}, signature ${record.signature}` : "no record"}; the answer is ignored and the job runs`,
      hint: "this is a bug in the store plugin: report it to its authors",
    });
    return undefined;
  }

  async record(init: SignatureRecordInit): Promise<void> {
    const record = create(SignatureRecordSchema, init);
    if (record.recordedAt === "") record.recordedAt = new Date().toISOString();
    const doing = `could not record job ${record.jobId} in the ${this.type} store`;
    if (!this.validKey(doing, record.jobId, record.signature)) return;
    await this.attempt(doing, "the next run with the same inputs runs again", () =>
      this.plugin.call("storeRecord", { store: this.spec, record }),
    );
  }

  async history(jobId: string, limit = 0): Promise<SignatureRecord[]> {
    const doing = `could not read the history of job ${jobId} in the ${this.type} store`;
    if (!this.validKey(doing, jobId)) return [];
    if (!this.plugin.implements("storeHistory")) {
      this.diagnostics.push({
        severity: "error",
        code: StoreCodes.NO_HISTORY,
        plugin: this.plugin.name,
        message: `the ${this.type} signature store keeps no history of recorded runs`,
        hint: "use a dir, redis or s3 store to compare against earlier runs",
      });
      return [];
    }
    const answer = await this.attempt(doing, "there is no earlier run to compare with", () =>
      this.plugin.call("storeHistory", { store: this.spec, jobId, limit: Math.max(0, Math.floor(limit)) }),
    );
    return (answer?.records ?? []).filter((r) => r.jobId === jobId && SIGNATURE.test(r.signature));
  }

  takeDiagnostics(): Diagnostic[] {
    return this.diagnostics.splice(0);
  }

  /** Runs one plugin call; a failure becomes a diagnostic and an undefined answer. */
  private async attempt<T>(doing: string, consequence: string, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (e) {
      if (!isPluginFailure(e)) throw e;
      this.diagnostics.push(storeFailureDiagnostic(e, doing, consequence));
      return undefined;
    }
  }

  private validKey(doing: string, jobId: string, signature?: string): boolean {
    const problem =
      jobId === ""
        ? "the job id is empty"
        : signature !== undefined && !SIGNATURE.test(signature)
          ? `the signature ${JSON.stringify(signature)} is not 64 lowercase hex characters`
          : undefined;
    if (!problem) return true;
    this.diagnostics.push({
      severity: "error",
      code: StoreCodes.INVALID_REQUEST,
      message: `${doing}: ${problem}`,
      hint: "this is a bug in cigen: report it with the command you ran",
    });
    return false;
  }
}
