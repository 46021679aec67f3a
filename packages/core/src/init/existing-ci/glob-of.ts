/**
 * A branch or tag filter as a cigen glob: a name stays as it is, and a simple regular expression
 * written `/.../` (CircleCI filters, GitLab `only:`) becomes a glob: `/.*\/` -> `*`, `/^v.*\/` -> `v*`,
 * `/^main$/` -> `main`. CircleCI matches expressions against the whole name and GitLab anywhere in
 * it, so only expressions anchored at both ends (by `^` and `$` or a final `.*`) mean the same on
 * both; any other expression gives undefined (no glob form).
 */
export function globOf(value: string): string | undefined {
  const regex = /^\/(.*)\/$/.exec(value);
  if (!regex) return value;
  const body = regex[1].replace(/\\\//g, "/");
  if (body === ".*") return "*";
  const simple = /^\^([A-Za-z0-9_/-]*)(?:(\.\*)|\$)$/.exec(body);
  return simple ? `${simple[1]}${simple[2] ? "*" : ""}` : undefined;
}
