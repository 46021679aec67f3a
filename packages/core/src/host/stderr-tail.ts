import type { Readable } from "node:stream";

const MAX_LINE = 2_000;

/**
 * Reads a plugin's stderr line by line: each line goes to `onLine` (shown at --verbose) and the
 * last few are kept to explain a crash. Memory stays bounded whatever the plugin writes: partial
 * lines are capped, and old lines are dropped.
 */
export class StderrTail {
  private readonly lines: string[] = [];
  private partial = "";

  constructor(
    stream: Readable,
    private readonly keep: number,
    private readonly onLine?: (line: string) => void,
  ) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => this.push(chunk));
    stream.on("end", () => this.flush());
  }

  /** The last lines written, oldest first. */
  get last(): string[] {
    return this.partial ? [...this.lines, this.partial] : [...this.lines];
  }

  private push(chunk: string): void {
    const parts = (this.partial + chunk).split("\n");
    this.partial = clip(parts.pop() ?? "");
    for (const line of parts) this.add(line);
  }

  private flush(): void {
    if (this.partial) this.add(this.partial);
    this.partial = "";
  }

  private add(raw: string): void {
    const line = clip(raw.replace(/\r$/, ""));
    this.onLine?.(line);
    this.lines.push(line);
    if (this.lines.length > this.keep) this.lines.shift();
  }
}

function clip(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length - MAX_LINE} more characters)` : line;
}
