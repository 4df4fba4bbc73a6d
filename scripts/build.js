// `npm run build` (and `prepare`, which `npm ci` runs): the library with its type declarations
// through tsc into dist/, then the CLI bundle into dist/bundle/. dist/ is removed first so no
// file of a deleted source survives.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

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
  await build({
    entryPoints: ['src/cli/bin.ts'],
    outdir: 'dist/bundle',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: ['better-sqlite3', 'pg'],
    // jsonc-parser's default (UMD) entry requires its modules by computed paths esbuild cannot
    // follow; its ESM entry bundles cleanly.
    mainFields: ['module', 'main'],
    // CommonJS dependencies inside an ESM bundle need a real `require` for Node's built-ins.
    banner: {
      js: "import { createRequire as __trustlineCreateRequire } from 'node:module'; const require = __trustlineCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
