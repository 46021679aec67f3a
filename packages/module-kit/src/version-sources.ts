import type { Diagnostic, SourceLocation } from "@cigen/protocol";
import { pickVersion, type VersionFinding } from "./pick-version";
import { warning } from "./warning";

/** A version as a source writes it, where it says so. */
export interface StatedVersion {
  source: string;
  value: string;
  at: SourceLocation;
}

/** How a module reads one usable statement: what to compare with the other sources, and what to set up. */
export interface VersionReading {
  /** The version pickVersion compares: as written, or the semver range a statement means (">=1.21"). */
  compare: string;
  /** What the toolchain step sets up for it ("1.22.1", "3.12", "stable"). */
  setup: string;
}

/** What a module says about its tool's versions, for pickVersion and for the warning about an unusable one. */
export interface VersionSourcesSpec {
  /** The tool's name in messages and the default hint ("go", "python"). */
  tool: string;
  /** The version to set up when no source names one. */
  fallback: string;
  /** The module's diagnostic codes (its codes.ts object, which names them alike in every module). */
  codes: { VERSION_UNUSABLE: string; VERSION_CONFLICT: string; VERSION_DEFAULTED: string };
  /** What an unusable statement fails to name, ending "... which names <this> to set up" ("no Go release"). */
  unusable: string;
  /** How to write a usable statement. */
  hint: string;
}

/** The version a module sets up, with every source that stated one. */
export interface DetectedVersion {
  /** What to set up, from the winning source (see VersionReading.setup), or the fallback. */
  version: string;
  /** The winning source, or "default". */
  source: string;
  at?: SourceLocation;
  /** Every usable source as written in its file, for signals ("^3.11", "1.22.1"). */
  stated: StatedVersion[];
  /** Files that stated a usable version, for signatures. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * A tool's version sources, considered in the module's priority order (the most specific pin
 * first): each usable statement becomes a finding for pickVersion, each unusable one a warning
 * naming its place, and pick() sets up the winner as its source wrote it.
 */
export class VersionSources {
  /** The usable statements, in the order considered. */
  readonly findings: VersionFinding[] = [];
  readonly stated: StatedVersion[] = [];
  /** Warnings so far, in order; a module may add its own (an unreadable file) between sources. */
  readonly diagnostics: Diagnostic[] = [];
  private readonly setupVersions = new Map<string, string>();

  constructor(private readonly spec: VersionSourcesSpec) {}

  /**
   * Takes one source's statement, if it has one. `read` gets the statement trimmed and says what it
   * means, or undefined when it names nothing to set up (then it is warned about and ignored).
   */
  consider(
    source: string,
    found: { value: string; at: SourceLocation } | undefined,
    read: (statement: string) => VersionReading | undefined,
  ): void {
    if (!found) return;
    const statement = found.value.trim();
    const reading = read(statement);
    if (!reading) {
      this.diagnostics.push(
        warning(
          this.spec.codes.VERSION_UNUSABLE,
          `${source} says "${found.value}", which names ${this.spec.unusable} to set up; it is ignored`,
          this.spec.hint,
          found.at,
        ),
      );
      return;
    }
    this.findings.push({ version: reading.compare, source, at: found.at });
    this.stated.push({ source, value: statement, at: found.at });
    this.setupVersions.set(source, reading.setup);
  }

  /**
   * The version to set up: pickVersion over `compared` (every finding unless the module leaves
   * some out of the comparison), its warnings after those about unusable statements.
   */
  pick(compared: readonly VersionFinding[] = this.findings): DetectedVersion {
    const { tool, fallback, codes } = this.spec;
    const picked = pickVersion(tool, compared, fallback, {
      conflict: codes.VERSION_CONFLICT,
      defaulted: codes.VERSION_DEFAULTED,
    });
    return {
      version: this.setupVersions.get(picked.source) ?? picked.version,
      source: picked.source,
      at: picked.at,
      stated: this.stated,
      files: [...new Set(this.findings.map((f) => f.at.file))],
      diagnostics: [...this.diagnostics, ...picked.diagnostics],
    };
  }
}
