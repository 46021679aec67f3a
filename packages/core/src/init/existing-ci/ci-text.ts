/**
 * Commands and values of other CI systems as cigen text. cigen reads `{{ ... }}` as interpolation,
 * so a literal `{{` (a Go template in a command) is escaped; the few provider expressions with a
 * cigen equivalent are converted, and everything else is kept as written with a note, since
 * guessing at an expression's meaning would change what the command does.
 */

type Note = (note: string) => void;

/** Escapes `{{` for cigen, except GitHub's `${{`, which cigen passes through verbatim. */
export function literal(text: string): string {
  return text.replace(/(?<!\$)\{\{/g, '{{ "{{" }}');
}

const GITHUB_EXPRESSION = /\$\{\{\s*([\s\S]*?)\s*\}\}/g;
/** A name after `secrets.`, `env.`, `github.` or `matrix.` (matrix dimensions may contain dashes). */
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A GitHub Actions string: `${{ secrets.X }}`, `${{ env.X }}`, `${{ github.sha }}` and
 * `${{ matrix.<dim> }}` (of a carried matrix, renamed as `matrix` maps) become cigen references.
 */
export function githubText(text: string, matrix: ReadonlyMap<string, string>, note: Note): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(GITHUB_EXPRESSION)) {
    out += literal(text.slice(last, m.index));
    out += githubExpression(m[1], m[0], matrix, note);
    last = m.index + m[0].length;
  }
  out += literal(text.slice(last));
  variablesOf(text, /\$\{?(GITHUB_[A-Z0-9_]+|RUNNER_[A-Z0-9_]+)/g, "GitHub", note);
  return out;
}

function githubExpression(expr: string, written: string, matrix: ReadonlyMap<string, string>, note: Note): string {
  const [scope, name, ...rest] = expr.split(".");
  if (rest.length === 0 && name !== undefined && NAME.test(name)) {
    if ((scope === "secrets" || scope === "env") && !name.includes("-")) return `{{ ${scope}.${name} }}`;
    if (scope === "github" && name === "sha") return "{{ git.sha }}";
    const dimension = scope === "matrix" ? matrix.get(name) : undefined;
    if (dimension) return `{{ matrix.${dimension} }}`;
  }
  note(`keeps the GitHub expression ${written}, which only GitHub Actions evaluates`);
  return written;
}

/** A CircleCI string: `<< pipeline.git.revision >>` and `<< pipeline.git.branch >>` become cigen references. */
export function circleciText(text: string, note: Note): string {
  const out = literal(text).replace(/<<\s*([\w.-]+)\s*>>/g, (written, expr: string) => {
    if (expr === "pipeline.git.revision") return "{{ git.sha }}";
    if (expr === "pipeline.git.branch") return "{{ git.branch }}";
    note(`keeps ${written}, which only CircleCI fills in`);
    return written;
  });
  variablesOf(text, /\$\{?(CIRCLE_[A-Z0-9_]+)/g, "CircleCI", note);
  return out;
}

/** A GitLab CI string: kept as written (its `$VARIABLES` are the shell's), with a note on GitLab-only ones. */
export function gitlabText(text: string, note: Note): string {
  variablesOf(text, /\$\{?(CI_[A-Z0-9_]+|GITLAB_[A-Z0-9_]+)/g, "GitLab CI", note);
  return literal(text);
}

function variablesOf(text: string, pattern: RegExp, system: string, note: Note): void {
  const names = [...new Set([...text.matchAll(pattern)].map((m) => m[1]))].sort();
  if (names.length) note(`uses ${names.map((n) => `$${n}`).join(", ")}, set only by ${system}`);
}
