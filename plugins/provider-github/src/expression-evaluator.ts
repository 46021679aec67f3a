// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions, meant literally.
/**
 * Evaluates generated GitHub expressions with GitHub's own expression library
 * (@actions/expressions), so tests check what an `if:` or a `${{ }}` template does, not how it
 * reads. Test support only: nothing in the plugin imports it.
 */
import { data, Evaluator, type Expr, Lexer, Parser } from "@actions/expressions";
import type { FunctionDefinition } from "@actions/expressions/funcs/info";
import { truthy } from "@actions/expressions/result";

/** The contexts an expression reads (needs, steps, github, env...), as plain JSON. */
export type Contexts = Record<string, unknown>;

/** What the status functions answer: the run's cancellation and the job's earlier steps. */
export interface Status {
  cancelled?: boolean;
  /** True when an earlier step of the job failed (step-level `success()` / `failure()`). */
  failed?: boolean;
}

const CONTEXTS = [
  "github",
  "needs",
  "steps",
  "env",
  "secrets",
  "vars",
  "runner",
  "matrix",
  "strategy",
  "inputs",
  "job",
];

function statusFunctions(status: Status): Map<string, FunctionDefinition> {
  const fn = (name: string, value: () => boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) },
  ];
  return new Map([
    fn("always", () => true),
    fn("cancelled", () => Boolean(status.cancelled)),
    fn("success", () => !status.cancelled && !status.failed),
    fn("failure", () => Boolean(status.failed)),
    fn("hashfiles", () => false),
  ]);
}

const parsedCache = new Map<string, Expr>();

/** Parses once per expression text: exhaustive tests evaluate the same `if:` thousands of times. */
function parse(expression: string): Expr {
  const known = parsedCache.get(expression);
  if (known) return known;
  const inner = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, "$1");
  const lexed = new Lexer(inner).lex();
  const functions = [...statusFunctions({}).values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs }));
  const parsed = new Parser(lexed.tokens, CONTEXTS, functions).parse();
  parsedCache.set(expression, parsed);
  return parsed;
}

/** Evaluates one expression (the text of an `if:` or the inside of `${{ }}`). */
export function evaluate(expression: string, contexts: Contexts, status: Status = {}): data.ExpressionData {
  const parsed = parse(expression);
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(parsed, context, statusFunctions(status)).evaluate();
}

/**
 * Whether an `if:` lets its job or step run. As on GitHub, a condition without a status function
 * is ANDed with `success()`.
 */
export function holds(condition: string | undefined, contexts: Contexts, status: Status = {}): boolean {
  if (condition === undefined) return !status.cancelled && !status.failed;
  const usesStatus = /\b(always|cancelled|success|failure)\s*\(/.test(condition);
  const result = truthy(evaluate(condition, contexts, status));
  return usesStatus ? result : result && !status.cancelled && !status.failed;
}

/** Replaces each `${{ }}` of a template (an env value, a `with:` input) by its value as a string. */
export function render(template: string, contexts: Contexts, status: Status = {}): string {
  return template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, inner: string) =>
    evaluate(inner, contexts, status).coerceString(),
  );
}
