/** Runs the CLI in-process with captured output, for tests of commands. */
import { main } from '../src/cli/main.js';
import type { OutputStream } from '../src/cli/io.js';

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly tty?: boolean;
}

export async function runCli(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stream = (append: (text: string) => void): OutputStream => ({
    write(text: string) {
      append(text);
      return true;
    },
    isTTY: options.tty === true,
  });
  const exitCode = await main(argv, {
    stdout: stream((text) => (stdout += text)),
    stderr: stream((text) => (stderr += text)),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { exitCode, stdout, stderr };
}
