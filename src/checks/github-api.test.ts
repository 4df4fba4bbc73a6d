import { describe, expect, it } from 'vitest';
import { parseGitHubUrl } from './github-api.js';

describe('parseGitHubUrl', () => {
  it('reads the owner and repository of the usual URL forms', () => {
    const expected = { owner: 'octo-org', repo: 'demo' };
    for (const url of [
      'https://github.com/octo-org/demo',
      'https://github.com/octo-org/demo/',
      'https://github.com/octo-org/demo.git',
      'http://www.github.com/octo-org/demo/tree/main/src',
      'https://github.com/octo-org/demo?tab=readme',
      'github.com/octo-org/demo',
      'git@github.com:octo-org/demo.git',
      '  https://GitHub.com/octo-org/demo  ',
    ]) {
      expect(parseGitHubUrl(url), url).toEqual(expected);
    }
    expect(parseGitHubUrl('https://ghe.example.com/team/tool', 'ghe.example.com')).toEqual({ owner: 'team', repo: 'tool' });
    expect(parseGitHubUrl('https://github.com/o/my.repo.js')).toEqual({ owner: 'o', repo: 'my.repo.js' });
  });

  it('rejects what is not a repository URL with an input error', () => {
    for (const url of ['https://gitlab.com/o/r', 'https://github.com/octo-org', 'https://github.com/', 'octo-org/demo', 'https://github.com/o/..', 'https://github.com/o/r r', 'https://evil.example/github.com/o/r']) {
      expect(() => parseGitHubUrl(url), url).toThrow(expect.objectContaining({ code: 'github-url-invalid' }) as Error);
    }
  });
});
