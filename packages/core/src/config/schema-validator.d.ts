/** One error of the generated validator (the subset of ajv's ErrorObject that cigen reads). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  /** The failing keyword's value (verbose mode): the branches of a oneOf. */
  schema?: unknown;
  /** The schema holding the failing keyword (verbose mode): its `properties` name the allowed keys. */
  parentSchema?: Record<string, unknown>;
  /** Set for errors about a mapping key (propertyNames). */
  propertyName?: string;
}

/** The standalone validator generated from schemas/cigen.schema.json (see schema-validator.js). */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export declare const validate: GeneratedValidator;
export default validate;
