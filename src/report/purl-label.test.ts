import { describe, expect, it } from 'vitest';
import { purlLabel } from './purl-label.js';

describe('purlLabel', () => {
  it('writes name@version as OSV spells the name, decoded, without qualifiers or subpath', () => {
    expect(purlLabel('pkg:npm/express@4.17.1')).toBe('express@4.17.1');
    expect(purlLabel('pkg:npm/%40babel/core@7.25.8')).toBe('@babel/core@7.25.8');
    expect(purlLabel('pkg:maven/org.apache.commons/commons-lang3@3.12.0?type=jar')).toBe('org.apache.commons:commons-lang3@3.12.0');
    expect(purlLabel('pkg:golang/github.com/gin-gonic/gin@v1.9.0#sub/dir')).toBe('github.com/gin-gonic/gin@v1.9.0');
    expect(purlLabel('pkg:pypi/requests@2.31.0%2Blocal')).toBe('requests@2.31.0+local');
    expect(purlLabel('pkg://cargo/serde')).toBe('serde');
  });

  it('returns text that is no purl, or cannot be decoded, as it is', () => {
    expect(purlLabel('express')).toBe('express');
    expect(purlLabel('pkg:npm')).toBe('pkg:npm');
    expect(purlLabel('pkg:npm/bad%E0name@1.0')).toBe('bad%E0name@1.0');
  });
});
