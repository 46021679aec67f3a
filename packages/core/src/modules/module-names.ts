/** Module names ("lang/node") and the executables that provide them ("cigen-module-lang-node"). */

const MODULE_NAME = /^([a-z0-9][a-z0-9_-]*)\/([a-z0-9][a-z0-9_-]*)$/;
const EXECUTABLE = /^cigen-module-([a-z0-9][a-z0-9_]*)-([a-z0-9][a-z0-9_-]*)$/;

/** `lang/node` -> `cigen-module-lang-node` (plugin-protocol.md, "Discovery and naming"). */
export function moduleExecutable(name: string): string {
  return `cigen-module-${name.replace("/", "-")}`;
}

/** `cigen-module-lang-node` -> `lang/node`; undefined for other executables. The namespace has no dash. */
export function moduleNameOf(executable: string): string | undefined {
  const m = EXECUTABLE.exec(executable);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** `lang/node@^1.2` -> { name: "lang/node", constraint: "^1.2" }; undefined when not a module reference. */
export function parseModuleRef(ref: string): { name: string; constraint: string } | undefined {
  const at = ref.indexOf("@");
  const name = at === -1 ? ref : ref.slice(0, at);
  if (!MODULE_NAME.test(name)) return undefined;
  return { name, constraint: at === -1 ? "" : ref.slice(at + 1) };
}

/** The short name a package or service entry is matched on: `postgres:16` -> `postgres`. */
export function entryName(entry: string): string {
  const last = entry.split("/").at(-1) ?? entry;
  return last.split(/[:@]/)[0];
}
