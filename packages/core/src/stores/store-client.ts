import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { type SignatureRecord, type SignatureRecordSchema, type SkipStore, SkipStoreSchema } from "@cigen/protocol";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { PluginHost } from "../host/plugin-host";
import type { PluginProcess } from "../host/plugin-process";
import { StoreCodes } from "./codes";
import { PluginSignatureStore } from "./plugin-signature-store";
import { pickVariables, storeVariableNames } from "./store-environment";

/** A record to store: a SignatureRecord, or a plain object shaped like one. */
export type SignatureRecordInit = MessageInitShape<typeof SignatureRecordSchema>;

/**
 * Where signatures of successful runs are kept (a `dir`, `redis`, `s3` or custom store plugin).
 * A store never throws for its own misbehaviour: a failed call resolves as "nothing" (lookup:
 * undefined, so the job runs; history: []) and leaves a diagnostic for `takeDiagnostics`.
 */
export interface SignatureStore {
  /** skip_store.type: "dir", "redis", "s3" or a custom store's type. */
  readonly type: string;
  /** The successful run recorded with exactly this job variant and signature, if any. */
  lookup(jobId: string, signature: string): Promise<SignatureRecord | undefined>;
  /** Records a successful run (recorded_at defaults to now). Check `takeDiagnostics` after. */
  record(record: SignatureRecordInit): Promise<void>;
  /** The job variant's recorded runs, most recent first; `limit` 0 or absent = the store's default. */
  history(jobId: string, limit?: number): Promise<SignatureRecord[]>;
  /** The diagnostics of the calls made since the last take (failed calls, suspicious answers). */
  takeDiagnostics(): Diagnostic[];
}

/** Where openStore takes credentials and relative paths from. */
export interface OpenStoreOptions {
  /** The full environment the store's `*_env` variables are read from; default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** The repository root, passed to the store as `repo_root` (the dir store's relative paths). */
  repoRoot?: string;
}

const STORE_TYPE = /^[a-z0-9][a-z0-9-]*$/;
const STORE_HOOKS = ["storeLookup", "storeRecord"] as const;

/**
 * Starts the store plugin `cigen-store-<type>` through `host` (so discovery, handshake, timeouts and
 * crash reports are the host's) and returns a client for it. The plugin's environment is the
 * host's scrubbed one plus the variables its settings name. `native` is not a plugin: it is
 * emitted as provider cache steps, so opening it is a diagnostic.
 */
export async function openStore(
  spec: SkipStore | MessageInitShape<typeof SkipStoreSchema>,
  host: PluginHost,
  options: OpenStoreOptions = {},
): Promise<{ store?: SignatureStore; diagnostics: Diagnostic[] }> {
  const type = spec.type ?? "";
  const refused = refuseType(type);
  if (refused) return { diagnostics: [refused] };
  const settings = parseSettings(spec.settingsJson ?? "");
  if (!settings) return { diagnostics: [invalidSettings(type)] };
  if (options.repoRoot !== undefined && settings.repo_root === undefined) settings.repo_root = options.repoRoot;
  const store = create(SkipStoreSchema, {
    type,
    settingsJson: JSON.stringify(settings),
    recordOn: [...(spec.recordOn ?? [])],
  });
  const extraEnv = pickVariables(options.env ?? process.env, storeVariableNames(type, settings));
  const started = await startShared(host, `cigen-store-${type}`, extraEnv);
  if (!started.plugin) return { diagnostics: started.diagnostic ? [started.diagnostic] : [] };
  const mismatch = notAStore(started.plugin, type);
  if (mismatch) return { diagnostics: [mismatch] };
  return { store: new PluginSignatureStore(type, store, started.plugin), diagnostics: [] };
}

/**
 * Jobs may each name their own store; every request carries its settings, so stores of one type
 * with the same environment share one plugin process per host instead of spawning one per job.
 */
const sharedPlugins = new WeakMap<PluginHost, Map<string, ReturnType<PluginHost["startOne"]>>>();

function startShared(host: PluginHost, name: string, extraEnv: NodeJS.ProcessEnv): ReturnType<PluginHost["startOne"]> {
  const started = sharedPlugins.get(host) ?? new Map();
  sharedPlugins.set(host, started);
  const key = JSON.stringify([name, Object.entries(extraEnv).sort()]);
  let plugin = started.get(key);
  if (!plugin) {
    plugin = host.startOne(name, extraEnv);
    started.set(key, plugin);
  }
  return plugin;
}

function refuseType(type: string): Diagnostic | undefined {
  if (type === "native") {
    return {
      severity: "error",
      code: StoreCodes.NATIVE_NOT_A_PLUGIN,
      message:
        "the native signature store is the CI provider's own cache, used by the generated pipeline's cache steps; cigen cannot read or write it from here",
      hint: "to use this command, configure a dir, redis or s3 store: skip_store: { type: redis, url_env: CIGEN_REDIS_URL } (see docs/stores.md)",
    };
  }
  if (STORE_TYPE.test(type)) return undefined;
  return {
    severity: "error",
    code: StoreCodes.INVALID_TYPE,
    message: `skip_store.type ${JSON.stringify(type)} is not a store type`,
    hint: "use native, dir, redis, s3, or the type of an installed cigen-store-<type> plugin (lowercase letters, digits, -)",
  };
}

function parseSettings(json: string): Record<string, unknown> | undefined {
  if (json.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function invalidSettings(type: string): Diagnostic {
  return {
    severity: "error",
    code: StoreCodes.INVALID_SETTINGS,
    message: `the settings of the ${type} signature store are not a mapping`,
    hint: "write skip_store as a mapping, e.g. skip_store: { type: dir, path: .cigen-cache }",
  };
}

function notAStore(plugin: PluginProcess, type: string): Diagnostic | undefined {
  const capability = `store:${type}`;
  const missing = STORE_HOOKS.filter((h) => !plugin.implements(h));
  if (plugin.info.capabilities.includes(capability) && missing.length === 0) return undefined;
  const problems = [
    ...(plugin.info.capabilities.includes(capability) ? [] : [`does not declare the capability ${capability}`]),
    ...(missing.length ? [`does not implement ${missing.join(" and ")}`] : []),
  ];
  return {
    severity: "error",
    code: StoreCodes.NOT_A_STORE,
    plugin: plugin.name,
    message: `plugin ${plugin.name} (${plugin.launch.path}) is not a ${type} signature store: it ${problems.join(" and ")}`,
    hint: `install the store plugin for skip_store.type ${type}, or fix skip_store.type in cigen.yml`,
  };
}
