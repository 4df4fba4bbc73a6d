/**
 * A GitHub repository's files without a clone: the default branch's tarball from the REST API
 * (`GET /repos/{owner}/{repo}/tarball`, which redirects to codeload), unpacked into a temporary
 * folder so the file checks run on a URL as Scorecard's do. The archive is untrusted: its size and
 * entry count are bounded, only regular files and folders are unpacked (no links, no devices), and
 * tar's own guards keep every path inside the folder (no absolute paths, no `..`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Unpack } from 'tar';
import { EnvironmentError, InputError } from '../errors.js';
import type { HttpClient } from '../net/index.js';
import type { GitHubRepositoryRef } from './github-api.js';

/** A repository archive larger than this (compressed) is refused. */
const maxArchiveBytes = 512 * 1024 * 1024;
/** More entries than this is no source tree anyone checks in. */
const maxEntries = 500_000;
/** Unpacked bytes, against archives that inflate far beyond their size. */
const maxUnpackedBytes = 4 * 1024 * 1024 * 1024;

export interface RepositoryArchive {
  /** The unpacked tree (the archive's single top folder, stripped). */
  readonly dir: string;
  /** Removes the temporary folder. */
  remove(): void;
}

export interface DownloadOptions {
  readonly http: HttpClient;
  /** The REST API root (default https://api.github.com). */
  readonly apiUrl?: string | undefined;
  readonly token?: string | undefined;
}

/** Downloads and unpacks the default branch of a GitHub repository. */
export async function downloadRepository(ref: GitHubRepositoryRef, options: DownloadOptions): Promise<RepositoryArchive> {
  const url = `${(options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '')}/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}/tarball`;
  const response = await options.http.get(url, {
    cache: false,
    maxBytes: maxArchiveBytes,
    headers: { accept: 'application/vnd.github+json', ...(options.token === undefined || options.token === '' ? {} : { authorization: `Bearer ${options.token}` }) },
    allowStatus: [404],
  });
  if (response.status === 404) throw new InputError('repository-not-found', `GitHub has no repository ${ref.owner}/${ref.repo} (or the token cannot read it)`);
  const dir = mkdtempSync(join(tmpdir(), 'trustline-repository-'));
  try {
    await unpack(response.body, dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => { rmSync(dir, { recursive: true, force: true }); } };
}

/** Unpacks a .tar.gz into `dir`, with the bounds above. */
export async function unpack(archive: Uint8Array, dir: string): Promise<void> {
  let entries = 0;
  let bytes = 0;
  let refusal: string | undefined;
  await new Promise<void>((resolve, reject) => {
    const extractor = new Unpack({
      cwd: dir,
      strip: 1,
      // Never restore owners or modes from the archive; never follow or create links.
      preserveOwner: false,
      chmod: false,
      filter: (_path, entry) => {
        const type = 'type' in entry ? entry.type : undefined;
        const size = 'size' in entry && typeof entry.size === 'number' ? entry.size : 0;
        if (++entries > maxEntries) refusal = `more than ${maxEntries} entries`;
        bytes += size;
        if (bytes > maxUnpackedBytes) refusal = `more than ${maxUnpackedBytes} bytes unpacked`;
        return refusal === undefined && (type === 'File' || type === 'OldFile' || type === 'Directory');
      },
    });
    extractor.on('error', reject);
    extractor.on('close', resolve);
    extractor.end(Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength));
  }).catch((error: unknown) => {
    throw new EnvironmentError('archive-unreadable', `cannot unpack the repository archive: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  if (refusal !== undefined) throw new EnvironmentError('archive-too-large', `the repository archive has ${refusal}`);
}
