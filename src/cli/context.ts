import { join, resolve } from 'node:path';
import pc from 'picocolors';
import type { LoadedConfig } from '../config/index.js';
import type { HttpClient, HttpClientOptions } from '../net/index.js';
import type { TextStyle } from '../report/text-style.js';
// Imported from its own file, not the store's index, so that a run that never opens the store
// does not load the query builder.
import { defaultDataDir } from '../store/data-dir.js';
import type { Store } from '../store/index.js';
import type { CliIo } from './io.js';
import { writeFileAtomically } from './io.js';
import { trustlineVersion } from './version.js';

/** The global options of every command (DESIGN.md, "Interfaces users touch"). */
export interface GlobalOptions {
  readonly config?: string;
  readonly dataDir?: string;
  readonly offline?: boolean;
  readonly quiet?: boolean;
  /** False with --no-color. */
  readonly color?: boolean;
  readonly debug?: boolean;
}

export type Colors = ReturnType<typeof pc.createColors>;

/** What a command needs from the command line and the environment, resolved once. */
export interface CliContext {
  readonly io: CliIo;
  readonly colors: Colors;
  /** The same colours, in the shape renderers take. */
  readonly style: TextStyle;
  readonly debug: boolean;
  readonly quiet: boolean;
  readonly dataDir: string;
  /** --offline, else `offline:` of the config that applies to `target`. */
  offline(target: string): Promise<boolean>;
  /** The config for a target path: --config when given, else the nearest trustline.yaml. */
  config(target: string): Promise<LoadedConfig | undefined>;
  openStore(): Promise<Store>;
  /**
   * The HTTP client for network sources: user agent, proxy from HTTPS_PROXY / HTTP_PROXY /
   * NO_PROXY, cache in the data directory, offline when `offline` is true.
   */
  httpClient(offline: boolean): Promise<HttpClient>;
  /** Writes a command's result to --output (atomically) or stdout. */
  output(text: string, outputFile: string | undefined): void;
  /** One line on stderr, unless --quiet. */
  note(line: string): void;
}

/**
 * Colour is on only for a terminal, and off with --no-color or a non-empty NO_COLOR
 * (https://no-color.org).
 */
export function colorEnabled(options: GlobalOptions, io: CliIo): boolean {
  if (options.color === false) return false;
  const noColor = io.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return io.stdout.isTTY === true;
}

export function createContext(options: GlobalOptions, io: CliIo): CliContext {
  const dataDir = options.dataDir === undefined ? defaultDataDir(io.env) : resolve(io.cwd, options.dataDir);
  const configs = new Map<string, Promise<LoadedConfig | undefined>>();
  const config = (target: string): Promise<LoadedConfig | undefined> => {
    const key = resolve(io.cwd, target);
    let loaded = configs.get(key);
    if (loaded === undefined) {
      loaded = loadConfigFor(options, io, key);
      configs.set(key, loaded);
    }
    return loaded;
  };
  const colors = pc.createColors(colorEnabled(options, io));
  return {
    io,
    colors,
    style: { bold: colors.bold, dim: colors.dim, red: colors.red, yellow: colors.yellow, green: colors.green },
    debug: options.debug === true,
    quiet: options.quiet === true,
    dataDir,
    config,
    async offline(target) {
      if (options.offline === true) return true;
      return (await config(target))?.config.offline === true;
    },
    async openStore() {
      const { openStore } = await import('../store/index.js');
      const url = io.env['DATABASE_URL'];
      return openStore({ dataDir, databaseUrl: url === undefined || url === '' ? null : url });
    },
    async httpClient(offline) {
      const { createHttpClient } = await import('../net/index.js');
      return createHttpClient(httpClientOptions(io, dataDir, offline));
    },
    output(text, outputFile) {
      const ended = text.endsWith('\n') ? text : `${text}\n`;
      if (outputFile === undefined || outputFile === '-') io.stdout.write(ended);
      else writeFileAtomically(resolve(io.cwd, outputFile), ended);
    },
    note(line) {
      if (options.quiet !== true) io.stderr.write(`${line}\n`);
    },
  };
}

/** The HTTP client settings the CLI derives from its environment (exported for tests). */
export function httpClientOptions(io: CliIo, dataDir: string, offline: boolean): HttpClientOptions {
  const env = (name: string): string | undefined => io.env[name] ?? io.env[name.toLowerCase()];
  return {
    userAgent: `trustline/${trustlineVersion()}`,
    cacheDir: join(dataDir, 'http-cache'),
    offline,
    proxy: { httpsProxy: env('HTTPS_PROXY'), httpProxy: env('HTTP_PROXY'), noProxy: env('NO_PROXY') },
  };
}

async function loadConfigFor(options: GlobalOptions, io: CliIo, target: string): Promise<LoadedConfig | undefined> {
  // The config module (yaml, zod) is loaded only when there is a file to read.
  const { findConfigFile } = await import('../config/discover.js');
  const file = options.config === undefined ? findConfigFile(target) : resolve(io.cwd, options.config);
  if (file === undefined) return undefined;
  const { loadConfig } = await import('../config/load.js');
  return loadConfig(file);
}
