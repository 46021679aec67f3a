import { LineCounter, parseDocument } from "yaml";
import type { ConfigPath } from "./config-types";
import { type Position, YamlLocator } from "./yaml-locator";

/**
 * A YamlLocator whose `yaml` document is parsed the first time a position is asked for. On the
 * happy path nothing asks (the model carries config paths, not positions), which saves the
 * ~1 s of CPU `yaml` needs for the 1000-job bench config; a run that reports a diagnostic pays for
 * one parse, as every run did before.
 */
export class LazyLocator {
  private located?: YamlLocator;

  constructor(private readonly text: string) {}

  locate(path: ConfigPath): Position {
    return this.locator().locate(path);
  }

  locateValue(path: ConfigPath): Position {
    return this.locator().locateValue(path);
  }

  locateReference(path: ConfigPath, value: string, valueIndex: number): Position {
    return this.locator().locateReference(path, value, valueIndex);
  }

  scalarSource(path: ConfigPath): string | undefined {
    return this.locator().scalarSource(path);
  }

  private locator(): YamlLocator {
    if (!this.located) {
      // The same options as parseYaml, so positions are the ones the exact path would give.
      const lineCounter = new LineCounter();
      const doc = parseDocument(this.text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: true });
      this.located = new YamlLocator(doc, lineCounter, this.text);
    }
    return this.located;
  }
}
