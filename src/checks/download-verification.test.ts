import { describe, expect, it } from 'vitest';
import { curlOutputFile, isChecksumVerification } from './download-verification.js';

const words = (text: string): string[] => text.split(' ');

describe('download verification', () => {
  it.each([
    ['curl -o out.sh https://x/a.sh', 'out.sh'],
    ['curl --output out.sh https://x/a.sh', 'out.sh'],
    ['curl --output=out.sh https://x/a.sh', 'out.sh'],
    ['curl -fsSLo out.sh https://x/a.sh', 'out.sh'],
    ['curl -O https://x/dir/a.sh?v=1', 'a.sh'],
    ['curl -fsSLO https://x/dir/b.sh', 'b.sh'],
    ['curl https://x/a.sh', undefined],
    ['wget -o log https://x/a.sh', undefined],
  ])('`%s` writes %s', (command, file) => {
    expect(curlOutputFile(words(command))).toBe(file);
  });

  it.each([
    ['sha256sum -c -', true],
    ['sha512sum --check sums.txt', true],
    ['sha256sum --status -c sums', true],
    ['shasum -a 256 -c sums', true],
    ['shasum --algorithm=512 --check sums', true],
    ['shasum -c sums', false],
    ['sha1sum -c sums', false],
    ['md5sum -c sums', false],
    ['sha256sum file', false],
  ])('`%s` verifies: %s', (command, verifies) => {
    expect(isChecksumVerification(words(command))).toBe(verifies);
  });
});
