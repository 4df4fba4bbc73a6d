/**
 * Security-Policy (risk Medium): whether the project tells reporters how to disclose a
 * vulnerability privately. Scorecard's rules (checks/raw/security_policy.go, the
 * securityPolicy* probes): the first of SECURITY.{md,markdown,adoc,rst} at the root, in .github/
 * or in docs/ (and doc/security.rst), any case, is the policy; its content scores 6 points for a
 * contact (an email or a URL), 3 for text beyond those links, 1 for at least two hints of
 * disclosure, vulnerabilities or timelines (words or 1 to 4 digit numbers).
 *
 * Scorecard also looks for a SECURITY.md in the organisation's `.github` repository when the
 * repository has none; that needs the platform, so a local check does not.
 */
import type { Check } from './check.js';
import type { RepositoryFiles } from './repository.js';
import { type Evaluation, logged, type LoggedFinding, resultOf } from './scorecard-evaluation.js';

const policyNames = new Set(
  ['', '.github/', 'docs/'].flatMap((folder) => ['md', 'markdown', 'adoc', 'rst'].map((extension) => `${folder}security.${extension}`)).concat('doc/security.rst'),
);

export type PolicyHitKind = 'link' | 'email' | 'text';

export interface PolicyHit {
  readonly kind: PolicyHitKind;
  readonly match: string;
  /** 1-based. */
  readonly line: number;
}

export interface SecurityPolicyFile {
  readonly path: string;
  /** Bytes (Scorecard's content length). */
  readonly size: number;
  readonly hits: readonly PolicyHit[];
}

const urlPattern = /(http|https):\/\/[a-zA-Z0-9./?=_%:-]*/g;
const emailPattern = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,6}\b/g;
/** Scorecard's `(?i)(\b*[0-9]{1,4}\b|(Disclos|Vuln))`; its `\b*` matches the empty string. */
const textPattern = /([0-9]{1,4}\b|(Disclos|Vuln))/gi;

/** Scorecard's raw data: the first policy file and what its lines contain. */
export function collectSecurityPolicy(files: RepositoryFiles): SecurityPolicyFile | undefined {
  const path = files.paths.find((candidate) => policyNames.has(candidate.toLowerCase()));
  if (path === undefined) return undefined;
  const text = files.readText(path) ?? '';
  return { path, size: files.size(path) ?? 0, hits: policyHits(text) };
}

/** The links, emails and disclosure hints of each line (Go's bufio.ScanLines: a trailing \r is dropped). */
export function policyHits(text: string): PolicyHit[] {
  const hits: PolicyHit[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') return;
    for (const [pattern, kind] of [[urlPattern, 'link'], [emailPattern, 'email'], [textPattern, 'text']] as const) {
      for (const match of line.matchAll(pattern)) hits.push({ kind, match: match[0], line: index + 1 });
    }
  });
  return hits;
}

function unique(hits: readonly PolicyHit[], kind: PolicyHitKind): PolicyHit[] {
  const seen = new Map<string, PolicyHit>();
  for (const hit of hits) if (hit.kind === kind && !seen.has(hit.match)) seen.set(hit.match, hit);
  return [...seen.values()];
}

/** Scorecard's evaluation of the four probes. */
export function evaluateSecurityPolicy(policy: SecurityPolicyFile | undefined): Evaluation {
  if (policy === undefined) {
    return { score: 0, reason: 'security policy file not detected', entries: [logged({ outcome: 'fail', message: 'security policy file not detected', remediation: policyRemediation([]) }, 'warn')] };
  }
  const links = [...unique(policy.hits, 'email'), ...unique(policy.hits, 'link')];
  const linkedLength = links.reduce((total, hit) => total + Buffer.byteLength(hit.match), 0);
  const hasLinks = links.length > 0;
  const hasText = policy.size > 1 && policy.size > linkedLength + links.length * 2;
  const disclosureHints = policy.hits.filter((hit) => hit.kind === 'text');
  const hasDisclosure = disclosureHints.length > 1;
  const file = policy.path;
  const missing: string[] = [];
  const entries: LoggedFinding[] = [logged({ outcome: 'pass', message: 'security policy file detected', file }, 'info')];
  const [firstLink] = links;
  if (hasLinks && firstLink !== undefined) entries.push(logged({ outcome: 'pass', message: 'found linked content (an email or a URL) in the security policy', file, line: firstLink.line, snippet: firstLink.match }, 'info'));
  else missing.push('a private contact: an email address or a URL (such as the repository\'s "Report a vulnerability" page)');
  if (hasText) entries.push(logged({ outcome: 'pass', message: 'found text in the security policy', file }, 'info'));
  else missing.push('text that explains the process, beyond the links');
  const [firstHint] = disclosureHints;
  if (hasDisclosure && firstHint !== undefined) entries.push(logged({ outcome: 'pass', message: 'found disclosure, vulnerability and/or timeline hints in the security policy', file, line: firstHint.line, snippet: firstHint.match }, 'info'));
  else missing.push('how vulnerabilities are disclosed, with timelines (for example "we answer within 3 days and disclose within 90 days")');
  for (const [index, what] of missing.entries()) {
    entries.push(logged({ outcome: 'fail', message: `the security policy lacks ${what}`, file, ...(index === 0 ? { remediation: policyRemediation(missing, file) } : {}) }, 'warn'));
  }
  const score = (hasLinks ? 6 : 0) + (hasText ? 3 : 0) + (hasDisclosure ? 1 : 0);
  return { score, reason: 'security policy file detected', entries };
}

const template = [
  '# Security Policy',
  '',
  '## Supported versions',
  '',
  'Security fixes are released for the latest minor version.',
  '',
  '## Reporting a vulnerability',
  '',
  'Please do not report security vulnerabilities through public issues.',
  'Report them privately through GitHub: https://github.com/OWNER/REPO/security/advisories/new',
  'or by email to security@example.com.',
  '',
  'Include the affected versions, the steps to reproduce and the impact you expect.',
  '',
  '## Disclosure process',
  '',
  'We acknowledge a report within 3 business days and send a first assessment within 10 days.',
  'Once a fix is released we publish a security advisory crediting the reporter, and we disclose',
  'the vulnerability publicly within 90 days of the report at the latest.',
  '',
].join('\n');

function policyRemediation(missing: readonly string[], file?: string): string {
  const intro = file === undefined ? 'Add a SECURITY.md at the repository root (or in .github/ or docs/), for example:' : `Add to ${file}: ${missing.join('; ')}. For example:`;
  return `${intro}\n\n${template}`;
}

export const securityPolicy: Check = {
  name: 'Security-Policy',
  risk: 'Medium',
  short: 'a SECURITY.md that tells reporters how to disclose a vulnerability privately',
  source: 'files',
  run(context) {
    return resultOf(securityPolicy, evaluateSecurityPolicy(collectSecurityPolicy(context.files)));
  },
};
