import { describe, expect, it } from 'vitest';
import { containsCommands, emptyPinningData, mergePinningData } from './pinned-dependency.js';

describe('pinning data', () => {
  it('tells files with something besides comments from those without', () => {
    expect(containsCommands('')).toBe(false);
    expect(containsCommands('# a\n   # b\n\n')).toBe(false);
    expect(containsCommands('# a\nFROM x\n')).toBe(true);
  });

  it('merges collections in order', () => {
    const data = emptyPinningData();
    const more = emptyPinningData();
    more.processingErrors.push({ file: 'a.sh', message: 'x' });
    mergePinningData(data, more);
    expect(data).toEqual({ dependencies: [], processingErrors: [{ file: 'a.sh', message: 'x' }], fatalErrors: [] });
  });
});
