import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { OsvAffected, OsvEvent, OsvRange } from '../model/index.js';
import { ecosystemFor } from './registry.js';
import { fixedVersions, hasVersionData, isAffectedBy } from './osv-range.js';
import { semverLikeScheme } from './schemes/semver-like.js';

const npm = ecosystemFor('npm').scheme;
const pypi = ecosystemFor('PyPI').scheme;
const debian = ecosystemFor('Debian').scheme;
const rubygems = ecosystemFor('RubyGems').scheme;

const ecosystemRange = (...events: OsvEvent[]): OsvAffected => ({ ranges: [{ type: 'ECOSYSTEM', events }] });

describe('isAffectedBy', () => {
  it('introduced 0 with a fix: everything before the fix', () => {
    const affected = ecosystemRange({ introduced: '0' }, { fixed: '1.0.2' });
    expect(isAffectedBy(npm, '0.0.0-alpha', affected)).toBe(true);
    expect(isAffectedBy(npm, '1.0.1', affected)).toBe(true);
    expect(isAffectedBy(npm, '1.0.2', affected)).toBe(false);
    expect(isAffectedBy(npm, '2.0.0', affected)).toBe(false);
  });

  it('several intervals in one range, whatever the order of the events', () => {
    const affected = ecosystemRange({ fixed: '3.2.5' }, { introduced: '3.0.0' }, { fixed: '1.0.2' }, { introduced: '1.0.0' });
    expect(['0.9.0', '1.0.0', '1.0.1', '1.0.2', '2.0.0', '3.0.0', '3.2.4', '3.2.5', '4.0.0'].filter((v) => isAffectedBy(npm, v, affected))).toEqual(['1.0.0', '1.0.1', '3.0.0', '3.2.4']);
  });

  it('last_affected includes its own version', () => {
    const affected = ecosystemRange({ introduced: '1.0' }, { last_affected: '1.4' });
    expect(isAffectedBy(pypi, '1.4', affected)).toBe(true);
    expect(isAffectedBy(pypi, '1.4.0', affected)).toBe(true);
    expect(isAffectedBy(pypi, '1.4.post1', affected)).toBe(false);
    expect(isAffectedBy(pypi, '0.9', affected)).toBe(false);
  });

  it('limit bounds the range and * is infinity; several limits widen it', () => {
    const limited: OsvAffected = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { limit: '2.0.0' }] }] };
    expect(isAffectedBy(npm, '1.9.9', limited)).toBe(true);
    expect(isAffectedBy(npm, '2.0.0', limited)).toBe(false);
    const star: OsvAffected = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { limit: '*' }] }] };
    expect(isAffectedBy(npm, '99.0.0', star)).toBe(true);
    const two: OsvAffected = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { limit: '1.0.0' }, { limit: '3.0.0' }] }] };
    expect(isAffectedBy(npm, '2.0.0', two)).toBe(true);
  });

  it('matches the versions list exactly, also without ranges', () => {
    const affected: OsvAffected = { versions: ['1.0', '2.0'] };
    expect(isAffectedBy(pypi, '1.0', affected)).toBe(true);
    expect(isAffectedBy(pypi, '1.0.0', affected)).toBe(false);
  });

  it('never matches a version through GIT ranges alone', () => {
    const affected: OsvAffected = { ranges: [{ type: 'GIT', repo: 'https://github.com/x/y', events: [{ introduced: '0' }] }] };
    expect(isAffectedBy(npm, '1.0.0', affected)).toBe(false);
    expect(hasVersionData(affected)).toBe(false);
    expect(hasVersionData(ecosystemRange({ introduced: '0' }))).toBe(true);
  });

  it('SEMVER ranges use the semver order, ECOSYSTEM ranges the ecosystem order', () => {
    // Under dpkg 1.0~rc1 < 1.0; under SemVer "1.0~rc1" reads as 1.0 with a build string, a prerelease of 1.0.
    const semver: OsvAffected = { ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] };
    expect(isAffectedBy(debian, '0.9', semver)).toBe(true);
    const ecosystem = ecosystemRange({ introduced: '0' }, { fixed: '1:1.0-1' });
    expect(isAffectedBy(debian, '9.9-1', ecosystem)).toBe(true);
    expect(isAffectedBy(debian, '1:1.0-1', ecosystem)).toBe(false);
  });

  it('an event at the same version as introduced closes the range (introduced applies first)', () => {
    expect(isAffectedBy(npm, '1.0.0', ecosystemRange({ fixed: '1.0.0' }, { introduced: '1.0.0' }))).toBe(false);
  });

  it('skips an unreadable event version and reports it, and throws for an unreadable installed version', () => {
    const problems: string[] = [];
    const affected = ecosystemRange({ introduced: '0' }, { fixed: 'not a version!' });
    expect(isAffectedBy(rubygems, '1.0', affected, (message) => problems.push(message))).toBe(true);
    expect(problems).toEqual([expect.stringContaining('fixed version "not a version!"')]);
    expect(() => isAffectedBy(rubygems, 'not a version!', ecosystemRange({ introduced: '0' }))).toThrow(InputError);
  });
});

describe('fixedVersions', () => {
  it('lists the fixed events of version ranges, not of GIT ranges', () => {
    const affected: OsvAffected = {
      ranges: [
        { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2' }, { introduced: '2.0' }, { fixed: '2.3' }] },
        { type: 'GIT', repo: 'r', events: [{ introduced: '0' }, { fixed: 'abc123' }] },
        { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2' }] },
      ],
    };
    expect(fixedVersions(affected)).toEqual(['1.2', '2.3']);
  });
});

/**
 * The brute force: sweep the sorted universe of versions once, switching the state at each
 * event's version (introduced on, fixed off, last_affected off just after), and cut at the
 * highest limit. An independent formulation of the same timeline.
 */
function sweep(universe: readonly string[], events: readonly OsvEvent[]): Set<string> {
  const affected = new Set<string>();
  const limits = events.flatMap((event) => ('limit' in event ? [event.limit] : []));
  const index = (version: string): number => universe.indexOf(version);
  const limitIndex = limits.length === 0 || limits.includes('*') ? universe.length : Math.max(...limits.map(index));
  let on = events.some((event) => 'introduced' in event && event.introduced === '0');
  for (let position = 0; position < universe.length; position++) {
    const version = universe[position] as string;
    const here = events.filter((event) => Object.values(event)[0] === version);
    if (here.some((event) => 'introduced' in event)) on = true;
    if (here.some((event) => 'fixed' in event)) on = false;
    if (on && position < limitIndex) affected.add(version);
    if (here.some((event) => 'last_affected' in event)) on = false;
  }
  return affected;
}

describe('isAffectedBy against a brute-force sweep', () => {
  const version = fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.option(fc.constantFrom('alpha', 'beta.1', 'rc.2'), { nil: undefined }));
  const universe = fc
    .uniqueArray(version.map(([a, b, c, pre]) => `${a}.${b}.${c}${pre === undefined ? '' : `-${pre}`}`), { minLength: 2, maxLength: 30 })
    .map((versions) => [...versions].sort((a, b) => semverLikeScheme.compare(semverLikeScheme.parse(a), semverLikeScheme.parse(b))));

  it('agrees on every version of the universe', () => {
    fc.assert(
      fc.property(
        universe.chain((sorted) =>
          fc.tuple(
            fc.constant(sorted),
            fc.array(fc.tuple(fc.constantFrom('introduced', 'fixed', 'last_affected', 'limit'), fc.constantFrom(...sorted)), { maxLength: 8 }),
            fc.boolean(),
          ),
        ),
        ([sorted, rawEvents, fromZero]) => {
          // A range has fixed or last_affected events, not both (OSV schema "Requirements"); versions are distinct events.
          const closing = rawEvents.find(([type]) => type === 'fixed' || type === 'last_affected')?.[0] ?? 'fixed';
          const seen = new Set<string>();
          const events: OsvEvent[] = fromZero ? [{ introduced: '0' }] : [];
          for (const [type, at] of rawEvents) {
            if (seen.has(at)) continue;
            seen.add(at);
            const kind = type === 'fixed' || type === 'last_affected' ? closing : type;
            events.push({ [kind]: at } as unknown as OsvEvent);
          }
          const range: OsvRange = { type: 'SEMVER', events };
          const expected = sweep(sorted, events);
          return sorted.every((candidate) => isAffectedBy(npm, candidate, { ranges: [range] }) === expected.has(candidate));
        },
      ),
      { numRuns: 500 },
    );
  });
});
