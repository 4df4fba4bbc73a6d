/**
 * `npm run bench -- NAME [NAME...]`: runs the named benchmarks (all when none is named). Each
 * prints `name: value unit` lines. Benchmarks are not part of `npm test`.
 */
const benchmarks: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  advisories: () => import('./advisories.js'),
  checks: () => import('./checks.js'),
  inventory: () => import('./inventory.js'),
  store: () => import('./store.js'),
  versions: () => import('./versions.js'),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(benchmarks).join(', ')})`);
  process.exitCode = 2;
} else {
  for (const name of requested.length > 0 ? requested : Object.keys(benchmarks)) {
    console.log(`# ${name}`);
    const load = benchmarks[name];
    if (load !== undefined) await (await load()).run();
  }
}
