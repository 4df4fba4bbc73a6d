/**
 * Exceptions from `ignore:` in trustline.yaml. An entry names any id of an alias group (ignoring
 * one ignores the group), optionally one package (a name, or a purl; a purl with a version covers
 * only that version) and the last day it applies. An expired entry stops applying and the report
 * says so; an entry that matched nothing is reported too, so stale exceptions get cleaned up.
 */
import { normalizePackageName } from '../ecosystems/versions.js';
import { formatPurl, parsePurl } from '../ecosystems/purl.js';
import type { Finding, IgnoreNotice, IgnoreRule } from '../model/index.js';

export interface IgnoreOutcome {
  readonly findings: Finding[];
  readonly notices: IgnoreNotice[];
}

/** Marks the findings the rules cover. `today` is `YYYY-MM-DD` (UTC). */
export function applyIgnores(findings: readonly Finding[], rules: readonly IgnoreRule[], today: string): IgnoreOutcome {
  const notices: IgnoreNotice[] = [];
  const used = new Set<IgnoreRule>();
  const expiredMatched = new Set<IgnoreRule>();
  const marked = findings.map((finding) => {
    for (const rule of rules) {
      if (!coversFinding(rule, finding)) continue;
      if (rule.until !== undefined && rule.until < today) {
        expiredMatched.add(rule);
        continue;
      }
      used.add(rule);
      return { ...finding, ignored: { id: rule.id, reason: rule.reason, ...(rule.until === undefined ? {} : { until: rule.until }) } };
    }
    return finding;
  });
  for (const rule of rules) {
    const purlProblem = invalidPurlMessage(rule.package);
    if (purlProblem !== undefined) notices.push({ id: rule.id, message: `the exception for ${rule.id} covers nothing: ${purlProblem}` });
    else if (expiredMatched.has(rule) && !used.has(rule)) notices.push({ id: rule.id, message: `the exception for ${rule.id} expired on ${rule.until ?? ''}; its findings are reported again` });
    else if (!used.has(rule) && !expiredMatched.has(rule)) notices.push({ id: rule.id, message: `the exception for ${rule.id} matched no finding; remove it if the advisory no longer applies` });
  }
  return { findings: marked, notices };
}

function invalidPurlMessage(text: string | undefined): string | undefined {
  if (text?.startsWith('pkg:') !== true) return undefined;
  try {
    parsePurl(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function coversFinding(rule: IgnoreRule, finding: Finding): boolean {
  const id = rule.id.toUpperCase();
  if (![finding.id, ...finding.aliases].some((candidate) => candidate.toUpperCase() === id)) return false;
  if (rule.package === undefined) return true;
  return rule.package.startsWith('pkg:') ? coversPurl(rule.package, finding) : samePackageName(rule.package, finding);
}

function samePackageName(name: string, finding: Finding): boolean {
  try {
    return normalizePackageName(finding.ecosystem, name) === normalizePackageName(finding.ecosystem, finding.name);
  } catch {
    return name === finding.name;
  }
}

function coversPurl(text: string, finding: Finding): boolean {
  try {
    const rule = parsePurl(text);
    const actual = parsePurl(finding.purl);
    const withoutVersion = (purl: typeof rule): string => formatPurl({ type: purl.type, namespace: purl.namespace, name: purl.name });
    if (withoutVersion(rule) !== withoutVersion(actual)) return false;
    return rule.version === undefined || rule.version === actual.version;
  } catch {
    // An unreadable purl covers nothing; applyIgnores reports it.
    return false;
  }
}
