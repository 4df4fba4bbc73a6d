import { describe, expect, it } from 'vitest';
import type { OsvRecord } from '../model/index.js';
import { groupByAliases, groupIds, preferredId } from './alias-groups.js';

const record = (id: string, aliases: string[] = []): OsvRecord => ({ id, modified: '2024-01-01T00:00:00Z', aliases });

describe('alias groups', () => {
  it('joins records that name each other or a shared id, through chains', () => {
    const groups = groupByAliases([record('GHSA-1', ['CVE-1']), record('PYSEC-1', ['CVE-1']), record('OSV-9', ['PYSEC-1']), record('GHSA-2')]);
    expect(groups.map((group) => group.map((item) => item.id).sort())).toEqual([['GHSA-1', 'OSV-9', 'PYSEC-1'], ['GHSA-2']]);
    expect(groupIds(groups[0]!)).toEqual(['CVE-1', 'GHSA-1', 'OSV-9', 'PYSEC-1']);
  });

  it('chooses MAL-, then GHSA-, then other databases, CVE last', () => {
    expect(preferredId(['CVE-2024-1', 'PYSEC-2024-1', 'GHSA-aaaa'])).toBe('GHSA-aaaa');
    expect(preferredId(['GHSA-aaaa', 'MAL-2024-1'])).toBe('MAL-2024-1');
    expect(preferredId(['CVE-2024-1', 'RUSTSEC-2024-1'])).toBe('RUSTSEC-2024-1');
    expect(preferredId(['PYSEC-2', 'GO-1'])).toBe('GO-1');
  });
});
