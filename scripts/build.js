// `npm run build` (and `prepare`, which `npm ci` runs): the library with its type declarations
// through tsc into dist/, then the CLI bundle into dist/bundle/. dist/ is removed first so no
// file of a deleted source survives.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';

/**
 * The CycloneDX library loads its XML writer (xmlbuilder2) when its serializers are imported, so
 * every SBOM paid for it, JSON too: ~15 ms of parsing and start-up per run (measured on the
 * 1,815-package benchmark). Here the library's `_optPlug.node/xmlStringify.js` picks its writer on
 * the first call instead (same providers, same error when none is installed), and xmlbuilder2 is
 * bundled into a file of its own that only that call requires.
 */
const xmlWriterOnDemand = {
  name: 'xml-writer-on-demand',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]@cyclonedx[\\/]cyclonedx-library[\\/]dist\.node[\\/]_optPlug\.node[\\/]xmlStringify\.js$/ }, (args) => {
      // The replacement names the library's one provider; a library that adds or renames one must be looked at again.
      if (!readFileSync(args.path, 'utf8').includes("['xmlbuilder2', () => require('./__xmlStringifiers/xmlbuilder2').default]")) {
        throw new Error(`${args.path} changed: review xmlWriterOnDemand in scripts/build.js`);
      }
      return {
        loader: 'js',
        resolveDir: dirname(args.path),
        contents: `'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const pick = require('./_wrapper').default;
let stringify;
exports.default = function (element, options) {
  stringify ??= pick('XmlStringifier', [['xmlbuilder2', () => require('./__xmlStringifiers/xmlbuilder2').default]]);
  return stringify(element, options);
};
`,
      };
    });
    bundle.onResolve({ filter: /^xmlbuilder2$/ }, () => ({ path: './xmlbuilder2.cjs', external: true }));
  },
};

/**
 * Commander requires node:child_process when it loads, for executable subcommands, which Trustline
 * does not use; Node builds child_process with net, dgram and streams around it at a cost of ~3 ms
 * on every run, `--version` included (measured). Here commander's `childProcess.spawn` requires it
 * on its first call instead.
 */
const childProcessOnDemand = {
  name: 'child-process-on-demand',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      // Commander must still use child_process for spawn alone; a version that uses more must be looked at again.
      if (!source.includes(eager) || (source.match(/childProcess\./g) ?? []).length !== (source.match(/childProcess\.spawn\(/g) ?? []).length) {
        throw new Error(`${args.path} changed: review childProcessOnDemand in scripts/build.js`);
      }
      return { loader: 'js', resolveDir: dirname(args.path), contents: source.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };") };
    });
  },
};

rmSync('dist', { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (compiled.status !== 0) {
  process.exitCode = compiled.status ?? 1;
} else {
  // The CLI is bundled so that a run loads a few files instead of hundreds of modules: Kysely
  // alone costs ~100 ms to import unbundled and ~12 ms bundled (measured here). better-sqlite3
  // (a native addon) and pg (loaded only when DATABASE_URL is set) stay external. Commands and
  // the store stay separate chunks, loaded when they run.
  const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outdir: 'dist/bundle',
    splitting: true,
    format: 'esm',
    external: ['better-sqlite3', 'pg'],
    // jsonc-parser's default (UMD) entry requires its modules by computed paths esbuild cannot
    // follow; its ESM entry bundles cleanly.
    mainFields: ['module', 'main'],
    plugins: [xmlWriterOnDemand, childProcessOnDemand],
    // CommonJS dependencies inside an ESM bundle need a real `require` for Node's built-ins.
    banner: {
      js: "import { createRequire as __trustlineCreateRequire } from 'node:module'; const require = __trustlineCreateRequire(import.meta.url);",
    },
  });
  // xmlbuilder2 and its DOM (~750 kB) write CycloneDX XML only; see xmlWriterOnDemand.
  await build({ ...common, entryPoints: { xmlbuilder2: 'xmlbuilder2' }, outdir: 'dist/bundle', format: 'cjs', outExtension: { '.js': '.cjs' } });
}
