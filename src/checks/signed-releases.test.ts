import { describe, expect, it } from 'vitest';
import type { CheckContext } from './check.js';
import type { GitHubApi, GitHubRelease } from './github-api.js';
import { fakeGitHub } from './__fixtures__/fake-github.js';
import { memoryRepository } from './repository.js';
import { signedReleases } from './signed-releases.js';

const now = new Date('2026-06-01T00:00:00Z');

function context(github: GitHubApi | undefined, scorecardCompat = false): CheckContext {
  return { files: memoryRepository({}), scorecardCompat, now, ...(github === undefined ? {} : { github }) };
}

function release(tag: string, names: string[], digests: Record<string, string> = {}): GitHubRelease {
  return {
    tagName: tag,
    htmlUrl: `https://github.com/octo-org/demo/releases/tag/${tag}`,
    assets: names.map((name) => ({ name, url: `https://github.com/octo-org/demo/releases/download/${tag}/${name}`, ...(digests[name] === undefined ? {} : { digest: digests[name] }) })),
  };
}

describe('Signed-Releases (Scorecard rules)', () => {
  it('scores provenance 10, a signature 8 and nothing 0, averaged over the releases with assets', async () => {
    const github = fakeGitHub({
      releases: [
        release('v3', ['app.tar.gz', 'app.intoto.jsonl']),
        release('v2', ['app.tar.gz', 'app.tar.gz.sigstore.json']),
        release('v1.9', []),
        release('v1', ['app.tar.gz']),
      ],
    });
    const result = await signedReleases.run(context(github, true));
    expect(result).toMatchObject({ score: 6, reason: '2 out of the last 3 releases have a total of 2 signed artifacts.', risk: 'High' });
    expect(result.findings.filter((finding) => finding.outcome === 'fail').map((finding) => finding.message)).toEqual([
      'release artifact v2 does not have provenance: https://github.com/octo-org/demo/releases/tag/v2',
      'release artifact v1 not signed: https://github.com/octo-org/demo/releases/tag/v1',
    ]);
    expect(result.findings.find((finding) => finding.outcome === 'fail')?.remediation).toContain('actions/attest-build-provenance');
  });

  it('looks at the first 5 releases only, and is 0 when none is signed', async () => {
    const github = fakeGitHub({ releases: [...Array.from({ length: 5 }, (_, index) => release(`v${10 - index}`, ['a.zip'])), release('v1', ['a.zip', 'a.zip.asc'])] });
    expect(await signedReleases.run(context(github, true))).toMatchObject({ score: 0, reason: 'Project has not signed or included provenance with any releases.' });
  });

  it('is -1 without releases that have assets, or without the API', async () => {
    expect(await signedReleases.run(context(fakeGitHub({ releases: [release('v1', [])] })))).toMatchObject({ score: -1, reason: 'no releases found' });
    expect((await signedReleases.run(context(undefined))).score).toBe(-1);
  });

  it('counts a GitHub artifact attestation as provenance, marked as a deviation, except in compatibility mode', async () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const github = fakeGitHub({ releases: [release('v1', ['app.tar.gz', 'app.tar.gz.sig'], { 'app.tar.gz': digest })], attestations: { [digest]: 1 } });
    const improved = await signedReleases.run(context(github));
    expect(improved.score).toBe(10);
    expect(improved.findings[0]).toMatchObject({ outcome: 'pass', message: 'release v1: app.tar.gz has a GitHub artifact attestation (build provenance)' });
    expect(improved.findings[0]?.deviation).toContain('attestation');

    const compat = await signedReleases.run(context(github, true));
    expect(compat.score).toBe(8);
    expect(compat.findings.every((finding) => finding.deviation === undefined)).toBe(true);
  });
});
