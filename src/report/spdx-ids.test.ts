import { readFileSync } from 'node:fs';
import { fixupSpdxId, isSupportedSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalSpdxId, spdxSchemaPath } from './spdx-ids.js';

const listed = (JSON.parse(readFileSync(spdxSchemaPath(), 'utf8')) as { enum: string[] }).enum;

describe('canonicalSpdxId', () => {
  it('reads the list the CycloneDX library validates against, every identifier of it', () => {
    expect(listed.length).toBeGreaterThan(500);
    for (const id of listed) {
      expect(isSupportedSpdxId(id), id).toBe(true);
      expect(canonicalSpdxId(id)).toBe(id);
      expect(canonicalSpdxId(id.toUpperCase())).toBe(fixupSpdxId(id.toUpperCase()));
    }
  });

  it('answers as the library does for any text, but never with something inherited from Object', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...listed).map((id) => id.toLowerCase()), fc.string({ maxLength: 12 })), (text) => {
        const library = fixupSpdxId(text);
        expect(canonicalSpdxId(text)).toBe(typeof library === 'string' ? library : undefined);
      }),
      { numRuns: 2000 },
    );
    expect(canonicalSpdxId('constructor')).toBeUndefined();
    expect(canonicalSpdxId('')).toBeUndefined();
  });
});
