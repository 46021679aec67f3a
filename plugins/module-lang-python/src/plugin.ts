import type { PluginDefinition } from "@cigen/plugin-sdk";
import { detectPython } from "./detect";
import { planPython } from "./plan";
import { MODULE_VERSION } from "./version";

/** The lang/python module: Python: pip, poetry, uv and pipenv. */
export const module: PluginDefinition = {
  info: { name: "lang/python", version: MODULE_VERSION, capabilities: ["module:lang/python", "package:python"] },
  hooks: { detect: detectPython, plan: planPython },
};
