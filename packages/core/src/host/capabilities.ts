import type { Diagnostic } from "../diagnostics/diagnostic";
import { PluginCodes } from "./codes";

/** What the capability check needs to know of each started plugin. */
export interface CapabilityHolder {
  name: string;
  capabilities: readonly string[];
  requires: readonly string[];
  conflictsWith: readonly string[];
}

/** `lang:*` matches `lang:node`; `*` matches everything; otherwise exact. */
export function matchesCapability(pattern: string, capability: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith("*")) return capability.startsWith(pattern.slice(0, -1));
  return pattern === capability;
}

/**
 * Checks requires / conflicts_with over all started plugins, and that no two plugins hold the same
 * provider:<name> capability. Returns one diagnostic per problem.
 */
export function checkCapabilities(plugins: readonly CapabilityHolder[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const providers = new Map<string, string>();
  for (const p of plugins) {
    for (const cap of p.capabilities.filter((c) => c.startsWith("provider:"))) {
      const other = providers.get(cap);
      if (other) {
        out.push(
          error(
            PluginCodes.DUPLICATE_PROVIDER,
            p.name,
            `${other} and ${p.name} both provide "${cap}"`,
            `remove one of them, or name the one to use with --plugin <path>`,
          ),
        );
      } else providers.set(cap, p.name);
    }
  }
  for (const p of plugins) {
    const others = plugins.filter((o) => o !== p);
    for (const pattern of p.requires) {
      if (!others.some((o) => o.capabilities.some((c) => matchesCapability(pattern, c)))) {
        out.push(
          error(
            PluginCodes.REQUIREMENT_UNMET,
            p.name,
            `${p.name} requires a plugin providing "${pattern}", and none is active`,
            `install a plugin that provides "${pattern}" or stop using ${p.name}`,
          ),
        );
      }
    }
    for (const pattern of p.conflictsWith) {
      const clash = others.find((o) => o.capabilities.some((c) => matchesCapability(pattern, c)));
      if (clash) {
        out.push(
          error(
            PluginCodes.CONFLICT,
            p.name,
            `${p.name} conflicts with ${clash.name} ("${pattern}")`,
            `use only one of ${p.name} and ${clash.name} in one run`,
          ),
        );
      }
    }
  }
  return out;
}

function error(code: string, plugin: string, message: string, hint: string): Diagnostic {
  return { severity: "error", code, message, hint, plugin };
}
