import { shellWord } from "./shell-word";

/** The suggested build command for `cigen init`: a plain docker build from the repository root. */
export function buildCommand(dockerfile: string): string {
  return `docker build --file ${shellWord(dockerfile)} .`;
}
