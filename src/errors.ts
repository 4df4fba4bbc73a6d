/**
 * The one error hierarchy of Trustline. Every failure a user can cause or meet is a
 * {@link TrustlineError} with a stable `code`; the CLI maps the class to an exit code and prints
 * the message as one line. Tests assert the code, never the message.
 *
 * - {@link UsageError}: the command line is wrong (exit 2).
 * - {@link InputError}: a file, record or value given to Trustline is bad (exit 2).
 * - {@link EnvironmentError}: the network, the database or the file system failed (exit 3).
 * - {@link InternalError}: a bug in Trustline; please report it (exit 3).
 */

/** Exit codes of the CLI, documented in the README. When several apply, the highest wins. */
export const ExitCode = {
  ok: 0,
  policyFailed: 1,
  badInput: 2,
  environment: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface TrustlineErrorOptions {
  /** The underlying error, kept for `--debug`. */
  readonly cause?: unknown;
  /** The file the problem is in, when there is one (shown first in the message). */
  readonly file?: string;
  /** 1-based line in `file`. */
  readonly line?: number;
}

export abstract class TrustlineError extends Error {
  /** A stable, machine-readable code such as `config-invalid` or `invalid-version`. */
  readonly code: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  abstract readonly exitCode: ExitCode;

  constructor(code: string, message: string, options: TrustlineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.name = new.target.name;
  }

  /** The one-line form shown to users: `file:line: message` when a file is known. */
  oneLine(): string {
    const where = this.file === undefined ? '' : `${this.file}${this.line === undefined ? '' : `:${this.line}`}: `;
    return `${where}${this.message}`.replace(/\s*\n\s*/g, ' ');
  }
}

/** The command line is wrong: unknown option, bad option value, missing argument. */
export class UsageError extends TrustlineError {
  readonly exitCode = ExitCode.badInput;
}

/** Something given to Trustline is bad: a file, a record, a version string, a config value. */
export class InputError extends TrustlineError {
  readonly exitCode = ExitCode.badInput;
}

/** The environment failed: network, database, file system permissions, missing data. */
export class EnvironmentError extends TrustlineError {
  readonly exitCode = ExitCode.environment;
}

/** A bug in Trustline. The message asks the user to report it. */
export class InternalError extends TrustlineError {
  readonly exitCode = ExitCode.environment;
}

/** The exit code for any thrown value: a TrustlineError's own, otherwise an internal failure. */
export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof TrustlineError ? error.exitCode : ExitCode.environment;
}

/** The highest of several exit codes: 3 over 2 over 1 over 0. */
export function worstExitCode(...codes: readonly ExitCode[]): ExitCode {
  let worst: ExitCode = ExitCode.ok;
  for (const code of codes) if (code > worst) worst = code;
  return worst;
}
