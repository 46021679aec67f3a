import type { EnvVar, Loc, Text } from "@cigen/protocol";
import type { ConfigPath, Scalar } from "../config/config-types";
import type { LoadedConfig } from "../config/loaded-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { interpolate, type Scope, textToString } from "./interpolate";
import { envVarMessage, locMessage } from "./messages";

/**
 * What the builders of one job variant share: the config, the interpolation scope and the
 * diagnostics sink. Builders stay pure functions of (context, config values).
 */
export class JobContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly config: LoadedConfig,
    /** The provider this model is built for. */
    readonly target: string,
    readonly scope: Scope,
    /** `job "test"`, for messages. */
    readonly owner: string,
  ) {}

  /** A runtime-capable string (run command, env value, with input, cache key) as Text. */
  text(path: ConfigPath, value: Scalar, what: string): Text {
    const result = interpolate(
      this.config,
      { path, value: String(value), runtime: true, what: `${what} of ${this.owner}` },
      this.scope,
    );
    this.diagnostics.push(...result.diagnostics);
    return result.text;
  }

  /** A compile-time-only string (image, path, name): runtime references are errors. */
  string(path: ConfigPath, value: Scalar, what: string): string {
    const result = interpolate(
      this.config,
      { path, value: String(value), runtime: false, what: `${what} of ${this.owner}` },
      this.scope,
    );
    this.diagnostics.push(...result.diagnostics);
    return textToString(result.text);
  }

  /** An env mapping as EnvVars, values interpolated. */
  env(values: Record<string, Scalar> | undefined, path: ConfigPath): EnvVar[] {
    return Object.entries(values ?? {}).map(([name, value]) =>
      envVarMessage(name, this.text([...path, name], value, `env "${name}"`)),
    );
  }

  /** The same context with other compile-time values (a command's params). */
  withScope(scope: Scope): JobContext {
    const child = new JobContext(this.config, this.target, scope, this.owner);
    // Share the sink: diagnostics of inlined commands belong to the job.
    (child as { diagnostics: Diagnostic[] }).diagnostics = this.diagnostics;
    return child;
  }

  loc(path: ConfigPath): Loc {
    return locOf(this.config, path);
  }
}

/**
 * The model Loc of the key at path: the file and the config path, line and column left 0. The
 * core resolves the position from the path only for a plugin diagnostic that is reported
 * (pipeline/plugin-diagnostics.ts); computing it here for every job and step cost ~170 ms of the
 * 1000-job bench run and forced a `yaml` parse of the whole file.
 */
export function locOf(config: LoadedConfig, path: ConfigPath): Loc {
  return locMessage(config.source.displayPath, path);
}
