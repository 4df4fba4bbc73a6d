/**
 * Runs once before the test files: builds nothing, but makes sure no developer's real data
 * directory or database is touched by a test.
 */
export default function setup(): void {
  delete process.env['DATABASE_URL'];
  process.env['NO_COLOR'] = '1';
}
