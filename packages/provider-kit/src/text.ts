import type { Text } from "@cigen/protocol";

/** How one provider writes each kind of runtime value inside a string. */
export interface TextSyntax {
  env(name: string): string;
  secret(name: string): string;
  git(kind: "sha" | "branch"): string;
  checksum(path: string): string;
  platform(kind: "os" | "arch"): string;
  /** Escapes literal text for the provider (e.g. `$` in GitLab); identity by default. */
  literal?(text: string): string;
}

/** Writes a model Text in one provider's syntax. */
export function renderText(text: Text | undefined, syntax: TextSyntax): string {
  if (!text) return "";
  let out = "";
  for (const part of text.parts) {
    const k = part.kind;
    switch (k.case) {
      case "literal":
        out += syntax.literal ? syntax.literal(k.value) : k.value;
        break;
      case "env":
        out += syntax.env(k.value);
        break;
      case "secret":
        out += syntax.secret(k.value);
        break;
      case "git":
        out += syntax.git(k.value as "sha" | "branch");
        break;
      case "checksum":
        out += syntax.checksum(k.value);
        break;
      case "platform":
        out += syntax.platform(k.value as "os" | "arch");
        break;
      default:
        break;
    }
  }
  return out;
}

/** The literal content of a Text when it has no runtime parts, else undefined. */
export function literalText(text: Text | undefined): string | undefined {
  if (!text) return "";
  let out = "";
  for (const part of text.parts) {
    if (part.kind.case !== "literal") return undefined;
    out += part.kind.value;
  }
  return out;
}

/** Names of the secrets a text refers to (providers bind or list each one). */
export function secretNames(text: Text | undefined): string[] {
  return (text?.parts ?? []).flatMap((p) => (p.kind.case === "secret" ? [p.kind.value] : []));
}
