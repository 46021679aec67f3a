/** Where a module saw something: a signal of its Detect answer. */
export interface Evidence {
  signal: string;
  value: string;
  file?: string;
  line?: number;
  column?: number;
}

/** What one module detected in the repository. */
export interface Detection {
  /** "lang/node". */
  module: string;
  version: string;
  /** Its facts, including the init facts of module-kit's InitFacts (package, service, source_files, lint, test, build). */
  facts: Record<string, string>;
  evidence: Evidence[];
}

/** The fact names every module may set for init (module-kit's InitFacts: the contract with modules). */
export const INIT_FACTS = {
  package: "package",
  service: "service",
  sourceFiles: "source_files",
  lint: "lint",
  test: "test",
  build: "build",
} as const;

/** A comma-separated fact as a list (facts are strings; module-kit's listFact joins with commas). */
export function factList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
