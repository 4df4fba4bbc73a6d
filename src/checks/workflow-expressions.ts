/**
 * GitHub Actions expressions (`${{ ... }}`) in workflow scripts, and whether an attacker controls
 * their value: the raw data of Dangerous-Workflow's script-injection finding.
 *
 * Scorecard's rules (checks/raw/dangerous_workflow.go, containsUntrustedContextPattern): an
 * expression is attacker-controlled when it mentions `github.head_ref`, serialises the whole event
 * (`toJSON(github)` or `toJSON(github.event)`, any case and spacing), or mentions `github.event.`
 * together with one of the free-text fields below. The list follows GitHub Security Lab's
 * "untrusted input" research (https://securitylab.github.com/research/github-actions-untrusted-input/).
 */

/** The fields Scorecard treats as attacker-controlled, searched anywhere in the expression. */
const scorecardUntrustedFields = new RegExp(
  [
    'issue\\.title',
    'issue\\.body',
    'pull_request\\.title',
    'pull_request\\.body',
    'comment\\.body',
    'review\\.body',
    'review_comment\\.body',
    'pages.*\\.page_name',
    'commits.*\\.message',
    'head_commit\\.message',
    'head_commit\\.author\\.email',
    'head_commit\\.author\\.name',
    'commits.*\\.author\\.email',
    'commits.*\\.author\\.name',
    'pull_request\\.head\\.ref',
    'pull_request\\.head\\.label',
    'pull_request\\.head\\.repo\\.default_branch',
    'discussion\\.title',
    'discussion\\.body',
    'blocked_user\\.name',
    'blocked_user\\.email',
  ].join('|'),
);

/** `toJSON(github)` and `toJSON(github.event)` serialise every field above at once. */
const wholeEventAsJson = /tojson\s*\(\s*github(\.event)?\s*\)/i;

/**
 * Fields an outside contributor also sets that Scorecard does not list (yet): names and messages
 * of the commit behind a `workflow_run`, committer identities, a fork's description and homepage,
 * the previous title or body of an edited issue or pull request. Reported only outside
 * `--scorecard-compat`, with a deviation.
 */
const additionalUntrustedFields = new RegExp(
  [
    'github\\.event\\.workflow_run\\.(head_branch|display_title|head_repository\\.description)',
    'github\\.event\\.workflow_run\\.head_commit\\.(message|author\\.(name|email)|committer\\.(name|email))',
    'github\\.event\\.workflow_run\\.pull_requests.*\\.head\\.ref',
    'github\\.event\\.(head_commit|merge_group\\.head_commit)\\.committer\\.(name|email)',
    'github\\.event\\.commits.*\\.committer\\.(name|email)',
    'github\\.event\\.pull_request\\.head\\.repo\\.(description|homepage)',
    'github\\.event\\.changes\\.(title|body)\\.from',
    'github\\.event\\.fork\\.forkee\\.(name|full_name|description|homepage|default_branch)',
  ].join('|'),
);

/** Whether Scorecard treats the text between `${{` and `}}` as attacker-controlled. */
export function isUntrustedExpression(expression: string): boolean {
  if (expression.includes('github.head_ref')) return true;
  if (wholeEventAsJson.test(expression)) return true;
  return expression.includes('github.event.') && scorecardUntrustedFields.test(expression);
}

/** Attacker-controlled fields that Scorecard misses: Trustline's improvement, off in compat mode. */
export function isUntrustedBeyondScorecard(expression: string): boolean {
  return !isUntrustedExpression(expression) && additionalUntrustedFields.test(expression);
}

export interface ScriptExpression {
  /** The text between `${{` and `}}`, untrimmed (Scorecard's snippet). */
  readonly text: string;
  /** Where `${{` starts in the script. */
  readonly offset: number;
}

export interface ScriptExpressions {
  readonly expressions: readonly ScriptExpression[];
  /** A `${{` without its `}}`: Scorecard rejects the whole workflow ("invalid GitHub workflow"). */
  readonly unterminated: boolean;
}

/**
 * Every `${{ ... }}` of a script, scanned the way Scorecard does: from each `${{` to the first
 * `}}` after it, the next search starting at that `}}`.
 */
export function expressionsIn(script: string): ScriptExpressions {
  const expressions: ScriptExpression[] = [];
  let from = 0;
  for (;;) {
    const start = script.indexOf('${{', from);
    if (start === -1) return { expressions, unterminated: false };
    const end = script.indexOf('}}', start);
    if (end === -1) return { expressions, unterminated: true };
    expressions.push({ text: script.slice(start + 3, end), offset: start });
    from = end;
  }
}
