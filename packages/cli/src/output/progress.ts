/**
 * A one-line status on a terminal ("cigen: generate…"), erased when the command ends. Silent when
 * stderr is not a TTY, with --quiet or --json, so logs and pipes stay clean.
 */
export interface Progress {
  stage(name: string): void;
  done(): void;
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return { stage() {}, done() {} };
  let shown = false;
  return {
    stage(name) {
      stream.write(`\r\u001b[2Kcigen: ${name}…`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\u001b[2K");
      shown = false;
    },
  };
}
