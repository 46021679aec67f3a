import type { Diagnostic } from "../../diagnostics/diagnostic";

/** One step carried over from an existing CI file: a shell command and what cigen can say about it. */
export interface CarriedStep {
  name?: string;
  /** Already in cigen's text syntax (literal `{{` escaped, known expressions converted). */
  command: string;
  workingDirectory?: string;
  /** When the step runs; undefined means after the previous steps succeeded. */
  if?: "failure" | "always";
  env?: Record<string, string>;
}

/** The cigen `trigger` a job gets from the condition it had in the source file. */
export type CarriedTrigger = "manual" | { branches?: string[]; tags?: string[]; scheduled?: { cron: string } };

/** A job of an existing CI file, read as far as cigen understands it. */
export interface CarriedJob {
  /** Unique within one read (`<file>#<name>`): what `needs` refer to. */
  key: string;
  /** The job's name as the source file writes it ("test:unit"); a cigen id is made from it later. */
  name: string;
  file: string;
  /** 1-based line of the job's key, for the comment that says where it came from. */
  line: number;
  /** Minutes, when the source sets a limit. */
  timeout?: number;
  /** Empty when the job has no shell command (actions or orbs only): it is then left out. */
  steps: CarriedStep[];
  /** Keys of the jobs it waits for, including jobs that are left out (their own needs are followed). */
  needs: string[];
  image?: string;
  /** Service images as the source names them. */
  services: string[];
  env: Record<string, string>;
  /** Dimension (already a cigen identifier) -> values. */
  matrix?: Record<string, string[]>;
  trigger?: CarriedTrigger;
  /** What was not carried over, or needs a look, one short sentence each. */
  notes: string[];
}

/** What was read from one CI system's files. */
export interface ExistingCi {
  /** The cigen provider these files belong to ("github", "circleci", "gitlab", "buildkite", "jenkins"). */
  provider: string;
  files: string[];
  jobs: CarriedJob[];
  /** Notes about whole files or workflows (left out, and why). */
  notes: string[];
  diagnostics: Diagnostic[];
}

/** A plain YAML mapping, or undefined. */
export function mapping(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A scalar as a string (YAML numbers and booleans are written as the user wrote them, near enough). */
export function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** A string or a list of strings as a list; anything else is empty. */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => scalar(v) ?? []);
  const one = scalar(value);
  return one === undefined ? [] : [one];
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Variables with scalar values and names cigen accepts, converted by `text`; the others are noted. */
export function readEnv(
  env: Record<string, unknown>,
  text: (s: string) => string,
  note: (n: string) => void,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const s = scalar(value);
    if (s !== undefined && ENV_NAME.test(name)) out[name] = text(s);
    else note(`env ${name} is not carried over`);
  }
  return out;
}
