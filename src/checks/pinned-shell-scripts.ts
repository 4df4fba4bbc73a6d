/**
 * Shell scripts of the repository (Scorecard's collectShellScriptInsecureDownloads): any file
 * whose shebang names sh, bash or mksh, or, without a shebang, whose name ends in `.sh`,
 * `.bash` or `.mksh`. Each is read once and judged with shell-dependencies.ts.
 *
 * Scorecard reads the first line of every file. Trustline does not open binary files (images,
 * archives, ...), which never start with a shebang, and outside compat mode neither text data nor
 * other languages' sources: on a large repository the opening costs more than the rest of the check.
 */
import { basePath } from './go-path.js';
import { emptyPinningData } from './pinned-dependency.js';
import type { PinningData, PinningOptions } from './pinned-dependency.js';
import type { RepositoryFiles } from './repository.js';
import { isTestDataPath } from './repository.js';
import { isBinaryName, shellInterpreters, supportedShells } from './shell-commands.js';
import { scanShell } from './shell-dependencies.js';

/** Whether Scorecard parses this file as a shell script (isSupportedShellScriptFile). */
export function isSupportedShellScript(path: string, firstLine: string | undefined): boolean {
  return matchesShell(path, firstLine, supportedShells);
}

/** Whether the file is a script of any shell, `exec` or `su` (isShellScriptFile): such a file is never a Dockerfile. */
export function isShellScript(path: string, firstLine: string | undefined): boolean {
  return matchesShell(path, firstLine, shellInterpreters);
}

/**
 * A shebang decides alone (`#!/bin/bash`, `#!bash -e`, `#!/usr/bin/env bash`); without one, the
 * extension. `firstLine` is undefined for an empty file.
 */
function matchesShell(path: string, firstLine: string | undefined, shells: readonly string[]): boolean {
  const byExtension = shells.some((name) => path.endsWith(`.${name}`));
  if (firstLine === undefined || !firstLine.startsWith('#!')) return byExtension;
  // Split on single spaces as Scorecard does: `#! /bin/bash` names no shell.
  const parts = firstLine.slice(2).split(' ');
  return shells.some((name) => isBinaryName(name, parts[0] ?? '') || (parts.length >= 2 && isBinaryName('env', parts[0] ?? '') && isBinaryName(name, parts[1] ?? '')));
}

/** The first line of a text (bufio.ScanLines: without `\n` or `\r\n`), undefined when the text is empty. */
export function firstLineOf(text: string): string | undefined {
  if (text === '') return undefined;
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Binary formats: a file of these never starts with a shebang. */
const binaryFormats = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'webp', 'tif', 'tiff', 'psd', 'pdf',
  'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'rar', 'tar', 'jar', 'war', 'whl', 'nupkg',
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'mp3', 'mp4', 'wav', 'ogg', 'webm', 'mov', 'avi',
  'so', 'dll', 'dylib', 'exe', 'o', 'a', 'lib', 'class', 'pyc', 'wasm', 'bin', 'mo',
]);

/**
 * Outside compat mode, also text formats and other languages' sources: a `.py` or `.json` file
 * starting with a sh shebang is not worth opening 40,000 files for.
 */
const otherLanguages = new Set([
  'json', 'lock', 'map', 'csv', 'tsv', 'xml', 'html', 'htm', 'css', 'scss', 'less', 'svg', 'md', 'rst', 'txt',
  'yml', 'yaml', 'toml', 'ini', 'properties', 'snap', 'po', 'sum', 'mod',
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'vue', 'svelte', 'py', 'rb', 'pl', 'pm', 'php', 'go', 'java', 'kt', 'kts',
  'scala', 'groovy', 'gradle', 'c', 'h', 'cc', 'cpp', 'hpp', 'cxx', 'm', 'mm', 'rs', 'cs', 'fs', 'vb', 'swift', 'dart', 'lua', 'r',
  'ex', 'exs', 'erl', 'hs', 'clj', 'elm', 'sql', 'proto', 'graphql', 'tf', 'nix',
]);

const headBytes = 1024;

/** The first line of a file, or null when the file is not opened (its extension rules it out). */
function firstLineOfFile(files: RepositoryFiles, path: string, scorecardCompat: boolean): string | undefined | null {
  const name = basePath(path).toLowerCase();
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  if (binaryFormats.has(extension) || (!scorecardCompat && otherLanguages.has(extension))) return null;
  const head = files.readHead(path, headBytes);
  if (head === undefined) return null;
  return firstLineOf(Buffer.from(head).toString('utf8'));
}

/** Every shell script of the repository, judged. */
export function collectShellScripts(files: RepositoryFiles, options: PinningOptions): PinningData {
  const data = emptyPinningData();
  for (const path of files.paths) {
    if (isTestDataPath(path)) continue;
    const firstLine = firstLineOfFile(files, path, options.scorecardCompat);
    if (firstLine === null || !isSupportedShellScript(path, firstLine)) continue;
    const text = files.readText(path);
    if (text === undefined) continue;
    const failure = scanShell({ file: path, scorecardCompat: options.scorecardCompat, downloads: new Map(), data }, text, 0, 0);
    if (failure !== undefined) {
      data.processingErrors.push({ file: path, message: failure });
      // Scorecard stops reading shell scripts at the first one it cannot judge.
      if (options.scorecardCompat) break;
    }
  }
  return data;
}
