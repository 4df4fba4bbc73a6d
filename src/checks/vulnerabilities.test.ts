import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importAdvisories } from '../advisories/import.js';
import { openStore } from '../store/index.js';
import { localRepository } from './repository.js';
import { vulnerabilities } from './vulnerabilities.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-vulns-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const record = (id: string, name: string, fixed: string) => ({
  origin: `${id}.json`,
  text: JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'crates.io', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }] }),
});

describe('Vulnerabilities', () => {
  const project = join(root, 'project');
  // The folder and its listing, as `trustline check` gives them: the check reads the listed files.
  const context = (store?: Awaited<ReturnType<typeof openStore>>) => ({ files: localRepository(project), scorecardCompat: true, now: new Date(), root: project, ...(store === undefined ? {} : { store }) });

  it('scores 10 minus one per vulnerability, with the upgrade as remediation', async () => {
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'Cargo.lock'), '[[package]]\nname = "smallvec"\nversion = "1.0.0"\n\n[[package]]\nname = "time"\nversion = "0.1.0"\n');
    const store = await openStore({ dataDir: join(root, 'data'), databaseUrl: null });
    try {
      await importAdvisories(store, { kind: 'dir', location: 'test' }, [record('RUSTSEC-1', 'smallvec', '1.6.1'), record('RUSTSEC-2', 'time', '0.2.23'), record('RUSTSEC-3', 'other', '1.0.0')]);
      const result = await vulnerabilities.run(context(store));
      expect(result.score).toBe(8);
      expect(result.reason).toBe('2 existing vulnerabilities detected');
      expect(result.findings.map((finding) => [finding.outcome, finding.file, finding.line, finding.remediation])).toEqual([
        ['fail', 'Cargo.lock', 2, 'upgrade smallvec to 1.6.1'],
        ['fail', 'Cargo.lock', 6, 'upgrade time to 0.2.23'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('scores -1 with a reason when there is no advisory data, never 10', async () => {
    expect((await vulnerabilities.run(context())).score).toBe(-1);
    const empty = await openStore({ dataDir: join(root, 'empty'), databaseUrl: null });
    try {
      const result = await vulnerabilities.run(context(empty));
      expect(result).toMatchObject({ score: -1, reason: expect.stringContaining('empty') as unknown });
    } finally {
      await empty.close();
    }
  });
});
