import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../test/shared.js';
import { validateOsvRecord } from './validate.js';

const minimal = { id: 'GHSA-xxxx-xxxx-xxxx', modified: '2024-01-01T00:00:00Z' };

describe('OSV record validation', () => {
  it('accepts a minimal record and keeps unknown fields', () => {
    const verdict = validateOsvRecord({ ...minimal, credits: [{ name: 'x' }] });
    expect(verdict.errors).toEqual([]);
    expect(verdict.record).toMatchObject({ id: 'GHSA-xxxx-xxxx-xxxx', credits: [{ name: 'x' }] });
  });

  it('rejects what matching would misread', () => {
    const bad = [
      { modified: minimal.modified },
      { ...minimal, modified: 'yesterday' },
      { ...minimal, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ fixed: '1.0.0' }] }] }] },
      { ...minimal, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1.0.0' }] }] }] },
      { ...minimal, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1' }, { last_affected: '2' }] }] }] },
      { ...minimal, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'NOPE', events: [{ introduced: '0' }] }] }] },
      { ...minimal, affected: [{ ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] },
      'not an object',
    ];
    for (const value of bad) {
      const verdict = validateOsvRecord(value);
      expect(verdict.record, JSON.stringify(value)).toBeUndefined();
      expect(verdict.errors.length, JSON.stringify(value)).toBeGreaterThan(0);
    }
  });

  it('keeps a record whose only defect is an abbreviated GIT hash, with a warning', () => {
    const verdict = validateOsvRecord({
      ...minimal,
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'x' },
          ranges: [
            { type: 'GIT', repo: 'https://example.com/x', events: [{ introduced: '0' }, { fixed: 'abc1234' }] },
            { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2' }] },
          ],
        },
      ],
    });
    expect(verdict.errors).toEqual([]);
    expect(verdict.record).toBeDefined();
    expect(verdict.warnings).toEqual(['affected.0.ranges.0: GIT event "abc1234" is not a full commit hash']);
  });
});

describeShared('OSV record validation against the official schema', ['data'], (dataDir) => {
  const schema = JSON.parse(readFileSync(join(dataDir, 'osv-schema', 'schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const official = ajv.compile(schema);

  function* records(): Generator<[string, unknown]> {
    const examples = join(dataDir, 'osv-schema', 'examples');
    for (const name of readdirSync(examples)) yield [`examples/${name}`, JSON.parse(readFileSync(join(examples, name), 'utf8'))];
    for (const [folder, zip] of [['malicious', 'npm.zip'], ['malicious', 'PyPI.zip'], ['go-vulndb', 'Go.zip'], ['pypa', 'PyPI.zip'], ['rustsec', 'crates.io.zip']] as const) {
      const entries = unzipSync(readFileSync(join(dataDir, 'osv', folder, zip)));
      for (const [name, bytes] of Object.entries(entries)) yield [`${folder}/${zip}/${name}`, JSON.parse(strFromU8(bytes))];
    }
  }

  it('accepts every record the official schema accepts, and rejects only what it rejects', () => {
    const disagreements: string[] = [];
    let count = 0;
    for (const [name, value] of records()) {
      count++;
      const officialValid = official(value);
      const ours = validateOsvRecord(value);
      if (officialValid && ours.record === undefined) disagreements.push(`${name}: official valid, ours rejects: ${ours.errors.join('; ')}`);
      if (!officialValid && ours.record !== undefined && ours.warnings.length === 0) {
        disagreements.push(`${name}: official rejects (${ajv.errorsText(official.errors)}), ours accepts without a warning`);
      }
    }
    expect(count).toBeGreaterThan(20_000);
    expect(disagreements.slice(0, 20)).toEqual([]);
  }, 120_000);
});
