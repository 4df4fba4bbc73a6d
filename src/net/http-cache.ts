import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the cache keeps of one response besides its body. */
export interface CachedResponse {
  readonly url: string;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
  readonly contentType: string | undefined;
  readonly storedAt: string;
  readonly body: Buffer;
}

interface CacheEntryMeta {
  readonly url: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly contentType?: string;
  readonly storedAt: string;
}

/**
 * An on-disk cache of GET responses, keyed by URL: `<dir>/<sha256>.json` holds the validators
 * (ETag, Last-Modified) and `<dir>/<sha256>.body` the body. Files are written to a temporary
 * name and renamed, so a reader never sees half an entry and concurrent writers never corrupt
 * one (the last rename wins, and both wrote a complete response).
 */
export class HttpCache {
  constructor(private readonly dir: string) {}

  read(url: string): CachedResponse | undefined {
    const base = this.pathOf(url);
    try {
      const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as CacheEntryMeta;
      if (meta.url !== url) return undefined;
      const body = readFileSync(`${base}.body`);
      return {
        url,
        etag: meta.etag,
        lastModified: meta.lastModified,
        contentType: meta.contentType,
        storedAt: meta.storedAt,
        body,
      };
    } catch {
      // A missing or damaged entry is a cache miss.
      return undefined;
    }
  }

  write(entry: Omit<CachedResponse, 'storedAt'>): void {
    mkdirSync(this.dir, { recursive: true });
    const base = this.pathOf(entry.url);
    const meta: CacheEntryMeta = {
      url: entry.url,
      storedAt: new Date().toISOString(),
      ...(entry.etag === undefined ? {} : { etag: entry.etag }),
      ...(entry.lastModified === undefined ? {} : { lastModified: entry.lastModified }),
      ...(entry.contentType === undefined ? {} : { contentType: entry.contentType }),
    };
    // Body first, then metadata: an entry is only visible once its metadata exists.
    atomicWrite(`${base}.body`, entry.body);
    atomicWrite(`${base}.json`, JSON.stringify(meta));
  }

  private pathOf(url: string): string {
    return join(this.dir, createHash('sha256').update(url).digest('hex'));
  }
}

function atomicWrite(path: string, data: string | Buffer): void {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}
