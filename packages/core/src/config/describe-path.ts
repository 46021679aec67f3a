import type { ConfigPath } from "./config-types";

/** Top-level maps whose entries are named things, and what a user calls one of them. */
const ENTITIES: Record<string, string> = {
  jobs: "job",
  workflows: "workflow",
  caches: "cache",
  runners: "runner class",
  services: "service",
  commands: "command",
  source_file_groups: "source file group",
};

/**
 * Names a place in the config the way a user thinks of it: `job "test"`, `step 2 of job "test"`,
 * `"skip_if.env" in job "test"`, `"project.name"`.
 */
export function describePath(path: ConfigPath): string {
  if (path.length === 0) return "the top level";
  let entity = "";
  let rest = path;
  const kind = ENTITIES[String(path[0])];
  if (kind && path.length >= 2) {
    entity = `${kind} "${path[1]}"`;
    rest = path.slice(2);
    if (rest[0] === "steps" && typeof rest[1] === "number") {
      entity = `step ${rest[1] + 1} of ${entity}`;
      rest = rest.slice(2);
    }
  }
  if (rest.length === 0) return entity;
  const keys = rest.map((segment, i) =>
    typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
  );
  const quoted = `"${keys.join("")}"`;
  return entity ? `${quoted} in ${entity}` : quoted;
}
