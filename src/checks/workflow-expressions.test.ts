import { describe, expect, it } from 'vitest';
import { expressionsIn, isUntrustedBeyondScorecard, isUntrustedExpression } from './workflow-expressions.js';

describe('workflow expressions', () => {
  it('finds each expression from ${{ to the next }}, untrimmed', () => {
    expect(expressionsIn('echo "${{ github.head_ref }}" ${{github.sha}}')).toEqual({
      expressions: [
        { text: ' github.head_ref ', offset: 6 },
        { text: 'github.sha', offset: 30 },
      ],
      unterminated: false,
    });
    expect(expressionsIn('echo ${{ github.sha')).toEqual({ expressions: [], unterminated: true });
    expect(expressionsIn('no expressions')).toEqual({ expressions: [], unterminated: false });
  });

  it('treats free-text event fields, the head ref and the whole event as attacker-controlled', () => {
    expect(isUntrustedExpression(' github.event.pull_request.title ')).toBe(true);
    expect(isUntrustedExpression("format('{0}', github.event.comment.body)")).toBe(true);
    expect(isUntrustedExpression('github.event.pages[1].page_name')).toBe(true);
    expect(isUntrustedExpression('toJson(github)')).toBe(true);
    expect(isUntrustedExpression('github.event.pull_request.head.sha')).toBe(false);
    expect(isUntrustedExpression('steps.title.outputs.value')).toBe(false);
    // Scorecard requires the `github.event.` prefix for the field list.
    expect(isUntrustedExpression('event.issue.title')).toBe(false);
  });

  it('knows the fields Scorecard misses, only when Scorecard misses them', () => {
    expect(isUntrustedBeyondScorecard('github.event.workflow_run.head_branch')).toBe(true);
    expect(isUntrustedBeyondScorecard('github.event.head_commit.committer.email')).toBe(true);
    expect(isUntrustedBeyondScorecard('github.event.workflow_run.id')).toBe(false);
    expect(isUntrustedBeyondScorecard('github.event.issue.title')).toBe(false);
  });
});
