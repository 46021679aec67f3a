import { create } from "@bufbuild/protobuf";
import { type Step, StepSchema } from "@cigen/protocol";
import { textOf } from "./text";

export interface ToolchainInit {
  /** "node", "ruby", ... */
  tool: string;
  version: string;
  /** The module emitting it, "lang/node". */
  module: string;
  /** An official image with this version ("node:20.11.1"); empty when there is none. */
  image: string;
  /** The portable install: checks the version on PATH first (see checkThenInstall). */
  install: string;
  options?: Record<string, string>;
}

/** The provider-neutral "make this toolchain available" step. */
export function toolchainStep(init: ToolchainInit): Step {
  return create(StepSchema, {
    name: `Set up ${init.tool} ${init.version}`,
    kind: {
      case: "setupToolchain",
      value: {
        tool: init.tool,
        version: init.version,
        module: init.module,
        image: init.image,
        install: textOf(init.install),
        options: init.options ?? {},
      },
    },
  });
}

/** A plain shell step (install dependencies, build an image). */
export function runStep(name: string, command: string, options: { workingDirectory?: string } = {}): Step {
  return create(StepSchema, {
    name,
    workingDirectory: options.workingDirectory ?? "",
    kind: { case: "run", value: { command: textOf(command) } },
  });
}

/**
 * Shell for a SetupToolchain fallback: runs `check` (which must succeed only when the wanted
 * version is already on PATH, as in a matching image) and `install` otherwise, so the same script
 * is right in a toolchain image and on a bare VM.
 */
export function checkThenInstall(check: string, install: string): string {
  return `if ${check}; then\n  echo "already installed"\nelse\n${install
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n")}\nfi`;
}
