/**
 * A `with:` value as one shell word. Plain words stay bare; anything else is double-quoted with
 * `"`, `\` and backquotes escaped but `$` left live, so `tags: app:$CI_COMMIT_SHA` expands the
 * provider's variable at run time, as a user writing shell expects.
 */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9_./:@=,+-]+$/.test(value)) return value;
  return `"${value.replace(/["\\`]/g, "\\$&")}"`;
}
