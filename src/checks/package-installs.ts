/**
 * Package installs in shell commands, Scorecard's rules (checks/raw/shell_download_validate.go):
 * go, pip (and `python -m pip`), npm, choco, nuget and dotnet, each pinned or not. A command is
 * given as Scorecard extracts its words (shell-commands.ts).
 */
import type { PinnedDependencyType } from '../model/index.js';
import { equalFold, isBinaryName, pythonInterpreters } from './shell-commands.js';

export interface PackageInstall {
  readonly type: PinnedDependencyType;
  readonly pinned: boolean;
}

/** A package manager install (go, pip, npm, choco, nuget/dotnet), first match in Scorecard's order. */
export function packageInstall(command: readonly string[]): PackageInstall | undefined {
  if (command.length === 0) return undefined;
  if (isGoDownload(command)) return { type: 'goCommand', pinned: !isGoUnpinned(command) };
  if (isPipInstall(command) || isPythonPipInstall(command)) return { type: 'pipCommand', pinned: !isPipUnpinned(command) };
  if (isNpmDownload(command)) return { type: 'npmCommand', pinned: !isNpmUnpinned(command) };
  if (isChocoInstall(command)) return { type: 'chocoCommand', pinned: !isChocoUnpinned(command) };
  if (isDotnetAddPackage(command) || isNugetInstall(command)) return { type: 'nugetCommand', pinned: !isNugetUnpinned(command) };
  const restore = nugetRestore(command);
  if (restore !== undefined) return { type: 'nugetCommand', pinned: restore.locked };
  return undefined;
}

const goFlags = new Set(['-d', '-f', '-t', '-u', '-v', '-fix', '-insecure']);
const commitHash = /^[A-Fa-f0-9]{40,}$/;
const semanticVersion = /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const remotePackage = /\w+\.\w+\/\w+/;

/** `go get|install` with a package: `go install` alone reads go.mod and go.sum. */
function isGoDownload(command: readonly string[]): boolean {
  return command.length > 2 && isBinaryName('go', command[0] ?? '') && (command[1] === 'get' || command[1] === 'install');
}

/** Pinned when the package is local, or `@none`, a commit hash, or (without -insecure) a full semver. */
function isGoUnpinned(command: readonly string[]): boolean {
  let insecure = false;
  for (let index = 1; index < command.length - 1; index += 1) {
    while (index < command.length - 1 && goFlags.has(command[index + 1] ?? '')) {
      if (command[index + 1] === '-insecure') insecure = true;
      index += 1;
    }
    if (index + 1 >= command.length) return false;
    const target = command[index + 1] ?? '';
    if (!remotePackage.test(target)) return false;
    const parts = target.split('@');
    if (parts.length !== 2) continue;
    const version = parts[1] ?? '';
    if (version === 'none' || commitHash.test(version) || (!insecure && semanticVersion.test(version))) return false;
  }
  return true;
}

function isPipInstall(command: readonly string[]): boolean {
  return command.length >= 2 && (isBinaryName('pip', command[0] ?? '') || isBinaryName('pip3', command[0] ?? '')) && equalFold(command[1] ?? '', 'install');
}

function isPythonPipInstall(command: readonly string[]): boolean {
  const pip = pythonPipCommand(command);
  return pip !== undefined && isPipInstall(pip);
}

/** `python -m pip ...` as the pip command it runs. */
function pythonPipCommand(command: readonly string[]): readonly string[] | undefined {
  if (!pythonInterpreters.some((python) => isBinaryName(python, command[0] ?? ''))) return undefined;
  for (let index = 1; index < command.length - 1; index += 1) {
    if (equalFold(command[index] ?? '', '-m') && equalFold(command[index + 1] ?? '', 'pip')) return command.slice(index + 1);
  }
  return undefined;
}

function isPipUnpinned(command: readonly string[]): boolean {
  if (isPipInstall(command) && isUnpinnedPipInstall(command)) return true;
  const pip = pythonPipCommand(command);
  return pip !== undefined && isPipInstall(pip) && isUnpinnedPipInstall(pip);
}

const flag = /^(--?\w+)+$/;
const remoteSource = /^(git|svn|hg|bzr).+$/;
const pinnedGitSource = /^git(\+(https?|ssh|git))?:\/\/.*(.git)?@[a-fA-F0-9]{40}(#egg=.*)?$/;

/**
 * Pinned: `--require-hashes`, only wheels, or an editable install with `--no-deps` from a local
 * folder or a git URL at a full commit (https://github.com/ossf/scorecard/issues/1306).
 */
function isUnpinnedPipInstall(command: readonly string[]): boolean {
  let noDeps = false;
  let editable = false;
  let editablePinned = true;
  let requireHashes = false;
  let otherArguments = false;
  let wheel = false;
  for (const word of command.slice(2)) {
    if (equalFold(word, '--no-deps')) { noDeps = true; continue; }
    if (word === '-e' || word === '--editable') { editable = true; continue; }
    if (equalFold(word, '--require-hashes')) { requireHashes = true; break; }
    if (flag.test(word)) continue;
    if (word.endsWith('.whl')) { wheel = true; continue; }
    if (editable) {
      if (remoteSource.test(word) && !pinnedGitSource.test(word)) editablePinned = false;
      continue;
    }
    otherArguments = true;
  }
  if (editable) return !noDeps || !editablePinned;
  if (requireHashes) return false;
  if (otherArguments) return true;
  return !wheel;
}

function isNpmDownload(command: readonly string[]): boolean {
  if (!isBinaryName('npm', command[0] ?? '')) return false;
  return command.slice(1).some((word) => ['install', 'i', 'install-test', 'update', 'ci'].some((verb) => equalFold(word, verb)));
}

/** `npm ci`, or an install of git dependencies at full commits only (`github:owner/repo#<sha>`). */
function isNpmUnpinned(command: readonly string[]): boolean {
  if (command.slice(1).some((word) => equalFold(word, 'ci'))) return false;
  const verb = command.findIndex((word, index) => index > 0 && (equalFold(word, 'install') || equalFold(word, 'i')));
  if (verb < 0) return true;
  const packages = command.slice(verb + 1).filter((word) => !word.startsWith('-'));
  return packages.length === 0 || !packages.every((name) => /^(github:|git(\+(ssh|https?|file))?:\/\/)[^#]+#[a-fA-F0-9]{40}$/.test(name));
}

/**
 * A restore from lock files (https://learn.microsoft.com/nuget/consume-packages/package-references-in-project-files#locking-dependencies):
 * `nuget restore -LockedMode`, `dotnet restore --locked-mode`, `msbuild /t:restore /p:RestoreLockedMode=true`.
 */
function nugetRestore(command: readonly string[]): { readonly locked: boolean } | undefined {
  const [program = '', verb = ''] = command;
  const has = (...options: string[]): boolean => command.slice(1).some((word) => options.some((option) => equalFold(word, option)));
  if ((isBinaryName('nuget', program) || isBinaryName('nuget.exe', program)) && equalFold(verb, 'restore')) return { locked: has('-LockedMode') };
  if ((isBinaryName('dotnet', program) || isBinaryName('dotnet.exe', program)) && equalFold(verb, 'restore')) return { locked: has('--locked-mode') };
  if ((isBinaryName('msbuild', program) || isBinaryName('msbuild.exe', program)) && has('/t:restore', '-t:restore')) return { locked: has('/p:RestoreLockedMode=true', '-p:RestoreLockedMode=true') };
  return undefined;
}

function isChocoInstall(command: readonly string[]): boolean {
  return command.length >= 2 && (isBinaryName('choco', command[0] ?? '') || isBinaryName('choco.exe', command[0] ?? '')) && equalFold(command[1] ?? '', 'install');
}

function isChocoUnpinned(command: readonly string[]): boolean {
  return !command.slice(2).some((word) => {
    const option = word.split('=')[0] ?? '';
    return ['--requirechecksum', '--requirechecksums', '--require-checksums'].some((name) => equalFold(option, name));
  });
}

function isNugetInstall(command: readonly string[]): boolean {
  return command.length >= 2 && (isBinaryName('nuget', command[0] ?? '') || isBinaryName('nuget.exe', command[0] ?? '')) && equalFold(command[1] ?? '', 'install');
}

/** `dotnet add [PROJECT] package NAME`. */
function isDotnetAddPackage(command: readonly string[]): boolean {
  return command.length >= 4 && (isBinaryName('dotnet', command[0] ?? '') || isBinaryName('dotnet.exe', command[0] ?? '')) && equalFold(command[1] ?? '', 'add') && (equalFold(command[2] ?? '', 'package') || equalFold(command[3] ?? '', 'package'));
}

function isNugetUnpinned(command: readonly string[]): boolean {
  if (isDotnetAddPackage(command) && !command.slice(3).some((word) => equalFold(word, '-v') || equalFold(word, '--version'))) return true;
  if (!isNugetInstall(command) || command.length === 2) return false;
  // A packages.config names exact versions; NuGet versions are immutable.
  if ((command[2] ?? '').endsWith('packages.config')) return false;
  return !command.slice(2).some((word) => equalFold(word, '-Version'));
}
