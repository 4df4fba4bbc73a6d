import { describe, expect, it } from 'vitest';
import type { GitHubApi } from './github-api.js';
import { fileCheckPlatform } from './platform-data.js';

describe('file check platform', () => {
  it('is empty for a local folder', () => {
    expect(fileCheckPlatform({})).toEqual({});
  });

  it('takes the members a GitHub client implements, bound to it', async () => {
    const client = {
      repository: { owner: 'o', repo: 'r' },
      shas: ['abc'],
      recentCommits(this: { shas: string[] }) {
        return Promise.resolve(this.shas);
      },
      languages: 'not a function',
    };
    const platform = fileCheckPlatform({ github: client as unknown as GitHubApi });
    expect(Object.keys(platform)).toEqual(['recentCommits']);
    expect(await platform.recentCommits?.()).toEqual(['abc']);
  });
});
