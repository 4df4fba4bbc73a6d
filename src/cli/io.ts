import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError, InputError } from '../errors.js';

/** Where the CLI reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** The real process streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/**
 * Writes `text` to `file` whole or not at all: a temporary file beside it, then a rename, so a
 * failure never leaves half a report and an existing file is only replaced by a complete one.
 */
export function writeFileAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as { code?: string }).code;
    // A folder that does not exist is a mistake in the command line; anything else (permissions,
    // a full disk) is the environment.
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputError('output-unwritable', 'cannot write the output file: its folder does not exist', { file, cause: error });
    }
    throw new EnvironmentError('output-unwritable', `cannot write the output file: ${(error as Error).message}`, { file, cause: error });
  }
}
