/**
 * The Scorecard conformance corpus against the checks that read git history or the GitHub API.
 * The corpus (transcribed from Scorecard's Go tests of file-based checks) has no case for these
 * checks yet: their Scorecard tests feed raw API data that the corpus does not carry. This suite
 * says so visibly and fails when cases appear, so that a runner is written for them then.
 */
import { expect, it } from 'vitest';
import { describeShared } from '../../test/shared.js';
import { scorecardCases } from '../../test/scorecard-corpus.js';
import { branchProtection } from './branch-protection.js';
import { ciTests } from './ci-tests.js';
import { ciiBestPractices } from './cii-best-practices.js';
import { codeReview } from './code-review.js';
import { contributors } from './contributors.js';
import { maintained } from './maintained.js';
import { signedReleases } from './signed-releases.js';
import { webhooks } from './webhooks.js';

const checks = [maintained, contributors, codeReview, branchProtection, signedReleases, ciTests, webhooks, ciiBestPractices];

describeShared('Scorecard corpus: git history and GitHub API checks', ['corpus', 'scorecard'], (corpus) => {
  for (const check of checks) {
    it(`${check.name}: the corpus has no case for it (unit tests follow Scorecard's evaluation rules instead)`, () => {
      expect(scorecardCases(corpus, check.name).map((testCase) => testCase.id)).toEqual([]);
    });
  }
});
