import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { findConfigFile } from './discover.js';
import { loadConfig } from './load.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-config-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function configFile(name: string, text: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'trustline.yaml');
  writeFileSync(file, text);
  return file;
}

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('config discovery', () => {
  it('finds trustline.yaml in the target directory or the nearest parent', () => {
    const file = configFile('project', 'version: 1\n');
    const nested = join(root, 'project', 'packages', 'app');
    mkdirSync(nested, { recursive: true });
    expect(findConfigFile(nested)).toBe(file);
    writeFileSync(join(nested, 'package.json'), '{}');
    expect(findConfigFile(join(nested, 'package.json'))).toBe(file);
  });

  it('finds none when no parent has one', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'trustline-noconfig-'));
    try {
      // tmpdir() itself may not hold a trustline.yaml on a sane machine.
      expect(findConfigFile(lonely)).toBeUndefined();
    } finally {
      rmSync(lonely, { recursive: true });
    }
  });
});

describe('config loading', () => {
  it('reads valid settings', () => {
    const file = configFile('valid', 'version: 1\noffline: true\n');
    expect(loadConfig(file)).toEqual({ file, config: { version: 1, offline: true } });
  });

  it('treats an empty file as no settings', () => {
    const file = configFile('empty', '# nothing yet\n');
    expect(loadConfig(file).config).toEqual({});
  });

  it('names the file, line and key of a value of the wrong type', () => {
    const file = configFile('wrong-type', 'version: 1\n\noffline: "yes"\n');
    const error = errorOf(() => loadConfig(file));
    expect(error.code).toBe('config-invalid');
    expect(error.file).toBe(file);
    expect(error.line).toBe(3);
    expect(error.oneLine()).toMatch(/trustline\.yaml:3: offline: /);
  });

  it('reports an unknown key at its own line', () => {
    const file = configFile('unknown-key', 'version: 1\nofline: true\n');
    const error = errorOf(() => loadConfig(file));
    expect(error.code).toBe('config-invalid');
    expect(error.line).toBe(2);
    expect(error.message).toBe('ofline: unknown key');
  });

  it('reports YAML syntax errors with their line', () => {
    const file = configFile('syntax', 'version: 1\noffline: [true\n');
    const error = errorOf(() => loadConfig(file));
    expect(error.code).toBe('config-invalid');
    expect(error.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toMatch(/^invalid YAML: /);
  });

  it('rejects a document that is not a mapping', () => {
    const file = configFile('list', '- a\n- b\n');
    expect(errorOf(() => loadConfig(file)).code).toBe('config-invalid');
  });

  it('rejects duplicate keys', () => {
    const file = configFile('duplicate', 'offline: true\noffline: false\n');
    expect(errorOf(() => loadConfig(file))).toMatchObject({ code: 'config-invalid', line: 2 });
  });

  it('bounds alias expansion (billion laughs)', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const file = configFile('laughs', `${lines.join('\n')}\n`);
    expect(errorOf(() => loadConfig(file)).code).toBe('config-invalid');
  });

  it('says when the file cannot be read', () => {
    expect(errorOf(() => loadConfig(join(root, 'missing.yaml')))).toMatchObject({ code: 'config-unreadable' });
  });
});
