import { describe, expect, it } from 'vitest';
import { EnvironmentError, ExitCode, InputError, InternalError, UsageError, exitCodeOf, worstExitCode } from './errors.js';

describe('errors', () => {
  it('maps each class to its exit code, and anything else to 3', () => {
    expect(exitCodeOf(new UsageError('bad-flag', 'x'))).toBe(ExitCode.badInput);
    expect(exitCodeOf(new InputError('bad-file', 'x'))).toBe(ExitCode.badInput);
    expect(exitCodeOf(new EnvironmentError('offline', 'x'))).toBe(ExitCode.environment);
    expect(exitCodeOf(new InternalError('bug', 'x'))).toBe(ExitCode.environment);
    expect(exitCodeOf(new TypeError('x'))).toBe(ExitCode.environment);
  });

  it('lets the highest exit code win', () => {
    expect(worstExitCode()).toBe(0);
    expect(worstExitCode(1, 2, 0)).toBe(2);
    expect(worstExitCode(2, 3, 1)).toBe(3);
  });

  it('prints one line that starts with the file and line', () => {
    const error = new InputError('bad-file', 'unexpected token\n  near here', { file: 'a/package-lock.json', line: 12 });
    expect(error.oneLine()).toBe('a/package-lock.json:12: unexpected token near here');
    expect(new InputError('x', 'no file').oneLine()).toBe('no file');
    expect(error.code).toBe('bad-file');
    expect(error.name).toBe('InputError');
  });

  it('keeps the cause', () => {
    const cause = new Error('root');
    expect(new EnvironmentError('x', 'wrapped', { cause }).cause).toBe(cause);
  });
});
