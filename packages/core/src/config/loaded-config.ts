import type { CigenConfig, ConfigPath } from "./config-types";
import type { Position } from "./yaml-locator";

/** Where a config came from. */
export interface ConfigSource {
  /** Absolute path. */
  path: string;
  /** The path as shown in diagnostics. */
  displayPath: string;
  text: string;
}

/** A config that parsed, passed the schema and the semantic checks. */
export interface LoadedConfig {
  source: ConfigSource;
  /** The config as plain JS after YAML parsing (validated by schema + semantic checks). */
  raw: CigenConfig;
  /** 1-based position of the key (for a mapping entry) or the item (for an index) at path. */
  locate(path: ConfigPath): Position;
  /** 1-based position of the value at path. */
  locateValue(path: ConfigPath): Position;
  /** Position of the `{{` starting at valueIndex inside the string value at path. */
  locateReference(path: ConfigPath, value: string, valueIndex: number): Position;
  /** A plain scalar exactly as written (`3.10` stays "3.10"); undefined for other nodes. */
  scalarSource(path: ConfigPath): string | undefined;
}
