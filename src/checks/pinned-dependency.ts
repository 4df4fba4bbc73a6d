/**
 * The raw data of Pinned-Dependencies (Scorecard's checker.PinningDependenciesData): every
 * dependency found, pinned or not, with where it is written, and the inputs that could not be
 * read. Collectors (pinned-actions.ts, pinned-docker.ts, pinned-shell-scripts.ts,
 * pinned-workflow-runs.ts, nuget-projects.ts) fill it; pinned-dependencies.ts judges it.
 */
import type { PinnedDependencyType } from '../model/index.js';

export interface PinnedDependency {
  readonly type: PinnedDependencyType;
  pinned: boolean;
  readonly file: string;
  /** 1-based, as Scorecard computes it (for shell commands, from the enclosing RUN or `run:`). */
  readonly line: number;
  readonly endLine: number;
  /** The `uses:` value, the FROM line, or the shell command as syntax.Printer renders it. */
  readonly snippet: string;
  /** A container image's reference (`python:3.7`) or an action's `owner/repo[/path]`. */
  readonly name?: string;
  /** Its tag or ref (`3.7`, `v4`), when it has one. */
  readonly ref?: string;
  /** The fix, when the collector knows more than the type (an action's ref, a stage's image). */
  readonly remediation?: string;
  /** Text Scorecard appends to the remediation (partly locked .NET projects). */
  remediationNote?: string;
  /** Set when Trustline judges this dependency differently from Scorecard (not in compat mode). */
  readonly deviation?: string;
}

/**
 * An input skipped because it could not be read: a shell line the parser rejects, a job whose
 * runner OS cannot be resolved. Scorecard logs these at Info (`debug`: logged at Debug).
 */
export interface ProcessingError {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
  readonly snippet?: string;
  readonly level?: 'info' | 'debug';
}

/** A file that makes Scorecard's collector fail as a whole (an invalid Dockerfile or workflow). */
export interface FatalError {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface PinningData {
  readonly dependencies: PinnedDependency[];
  readonly processingErrors: ProcessingError[];
  /** Files Scorecard would stop at: in compat mode the check cannot score; otherwise findings. */
  readonly fatalErrors: FatalError[];
}

export interface PinningOptions {
  /** Reproduce Scorecard exactly: Trustline's improvements off. */
  readonly scorecardCompat: boolean;
}

export function emptyPinningData(): PinningData {
  return { dependencies: [], processingErrors: [], fatalErrors: [] };
}

/** Appends `more` to `data`. */
export function mergePinningData(data: PinningData, more: PinningData): void {
  data.dependencies.push(...more.dependencies);
  data.processingErrors.push(...more.processingErrors);
  data.fatalErrors.push(...more.fatalErrors);
}

/**
 * Whether a file has something besides blank and comment lines (fileparser.CheckFileContainsCommands):
 * Scorecard skips a Dockerfile or workflow without one before parsing it.
 */
export function containsCommands(text: string, comment = '#'): boolean {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith(comment)) return true;
  }
  return false;
}
