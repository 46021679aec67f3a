import type { Diagnostic } from "../diagnostics/diagnostic";
import { type ErrorPlacer, schemaErrorsToDiagnostics } from "./schema-errors";
import { validate } from "./schema-validator";

/**
 * Validates plain config data against schemas/cigen.schema.json through the standalone validator
 * generated at build time (no ajv compile at run time).
 */
export function validateSchema(data: unknown, placer: ErrorPlacer): Diagnostic[] {
  if (validate(data)) return [];
  return schemaErrorsToDiagnostics(validate.errors ?? [], data, placer);
}
