/**
 * Trustline's improvement on downloads (off with `--scorecard-compat`): a file downloaded and
 * checked against a checksum by the very next command is as pinned as a hash-pinned image,
 *
 *     curl -fsSLo install.sh https://example.com/install.sh
 *     echo "<sha256>  install.sh" | sha256sum -c -
 *     bash install.sh
 *
 * whereas Scorecard reports `bash install.sh` as an unpinned download-then-run (and does not
 * follow curl's `-o` at all). This module recognises the two halves from command words.
 */
import { basePath, urlPath } from './go-path.js';
import { isBinaryName } from './shell-commands.js';

/** The file curl writes: `-o FILE`, `--output FILE`, `--output=FILE`, `-fsSLo FILE`, or `-O` (the URL's name). */
export function curlOutputFile(command: readonly string[]): string | undefined {
  if (command[0] === undefined || !isBinaryName('curl', command[0])) return undefined;
  let remoteName = false;
  for (let index = 1; index < command.length; index += 1) {
    const word = command[index] ?? '';
    if (word.startsWith('--output=')) return word.slice('--output='.length);
    if (word === '--output' || /^-[a-zA-Z]*o$/.test(word)) return command[index + 1];
    if (word === '--remote-name' || /^-[a-zA-Z]*O$/.test(word)) remoteName = true;
  }
  if (!remoteName) return undefined;
  const url = command.slice(1).find((word) => /^(https?|ftps?|file):\/\//.test(word));
  if (url === undefined) return undefined;
  const parsed = urlPath(url);
  return parsed.ok ? basePath(parsed.path) : undefined;
}

const checksumPrograms = ['sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'b2sum'];
const shasumAlgorithms = new Set(['224', '256', '384', '512', '512224', '512256']);

/**
 * Whether a command (the last one of a pipeline) verifies checksums: `sha256sum -c`,
 * `sha512sum --check`, `shasum -a 256 -c`. SHA-1 (`sha1sum`, `shasum` without `-a`) and MD5 do
 * not count: a collision can be forged.
 */
export function isChecksumVerification(command: readonly string[]): boolean {
  const [program] = command;
  if (program === undefined) return false;
  const checks = command.slice(1).some((word) => word === '--check' || /^-[a-zA-Z]*c[a-zA-Z]*$/.test(word));
  if (!checks) return false;
  if (checksumPrograms.some((name) => isBinaryName(name, program))) return true;
  if (!isBinaryName('shasum', program)) return false;
  for (let index = 1; index < command.length; index += 1) {
    const word = command[index] ?? '';
    if (word.startsWith('--algorithm=')) return shasumAlgorithms.has(word.slice('--algorithm='.length));
    if (/^-a\d+$/.test(word)) return shasumAlgorithms.has(word.slice(2));
    if (word === '-a' || word === '--algorithm') return shasumAlgorithms.has(command[index + 1] ?? '');
  }
  return false;
}
