/**
 * Token-Permissions' score, as Scorecard computes it: its probes (hasNoGitHubWorkflowPermissionUnknown,
 * jobLevelPermissions, topLevelPermissions) turn the raw records into findings, in that order, and
 * checks/evaluation/permissions.go walks them once, logging and scoring:
 *
 * - undeclared top-level permissions cost 0.5, or everything when a job of the same workflow
 *   declares none either; a top-level `write-all` costs 0.5, or everything beside job-level
 *   writes or undeclared jobs;
 * - a top-level write costs 0.5 (checks, statuses), 1 (deployments, security-events) or
 *   everything (contents, packages, actions); other scopes cost nothing;
 * - job-level writes are warned about but cost nothing, except beside top-level writes.
 *
 * The walk is order-dependent (a job's finding is judged before its workflow's top level), and
 * reproduced as such. Outside `--scorecard-compat`, two complaints about Scorecard are answered,
 * each log carrying a deviation: a missing top-level block is harmless when every job declares
 * its own, and a job's `write-all` is a write (Scorecard's job probe skips it).
 */
import type { PermissionLevel, TokenPermission } from './token-permissions-raw.js';

export type LogLevel = 'warn' | 'info' | 'debug';

export interface PermissionLog {
  readonly level: LogLevel;
  readonly text: string;
  /** The record behind the log; undefined for the closing "no jobLevel write permissions found". */
  readonly permission?: TokenPermission;
  readonly deviation?: string;
}

export interface PermissionsEvaluation {
  /** 0 to 10, or -1 without any record. */
  readonly score: number;
  readonly reason: string;
  readonly logs: readonly PermissionLog[];
}

type Probe = 'unknown' | 'jobLevel' | 'topLevel';

interface ProbeFinding {
  readonly probe: Probe;
  readonly permission: TokenPermission;
  /** The permissionLevel value Scorecard's evaluation reads ('' for the unknown probe). */
  readonly level: PermissionLevel | '';
  readonly negative: boolean;
  readonly tokenName?: string;
  readonly deviation?: string;
}

const excessive = 'detected GitHub workflow tokens with excessive permissions';

export function evaluateTokenPermissions(permissions: readonly TokenPermission[], compat: boolean): PermissionsEvaluation {
  if (permissions.length === 0) return { score: -1, reason: 'No tokens found', logs: [] };
  const logs: PermissionLog[] = [];
  const log = (level: LogLevel, finding: ProbeFinding): void => {
    logs.push({ level, text: textOf(finding.permission), permission: finding.permission, ...(finding.deviation === undefined ? {} : { deviation: finding.deviation }) });
  };
  const writes = { jobLevel: new Set<string>(), topLevel: new Set<string>() };
  const undeclared = { jobLevel: new Set<string>(), topLevel: new Set<string>() };
  let score = 10;

  for (const finding of probeFindings(permissions, compat)) {
    const path = finding.permission.path;
    if (finding.level === 'none') {
      log('info', finding);
      continue;
    }
    if (finding.level === 'read') log('info', finding);
    if (!finding.negative) continue;
    if (finding.level === 'undeclared') {
      if (finding.probe === 'jobLevel') {
        log('debug', finding);
        undeclared.jobLevel.add(path);
        if (writes.topLevel.has(path) || undeclared.topLevel.has(path)) score = 0;
      } else {
        log('warn', finding);
        undeclared.topLevel.add(path);
        score = undeclared.jobLevel.has(path) ? 0 : score - 0.5;
      }
      continue;
    }
    if (finding.probe === 'unknown') {
      log('debug', finding);
    } else if (finding.probe === 'topLevel' && finding.level === 'write') {
      writes.topLevel.add(path);
      if (finding.tokenName !== 'all' && finding.tokenName !== 'write-all') {
        const cost = costOf(finding.tokenName);
        if (cost > 0) log('warn', finding);
        score -= cost;
        continue;
      }
      log('warn', finding);
      if (writes.jobLevel.has(path) || undeclared.jobLevel.has(path)) return { score: 0, reason: excessive, logs };
      score -= 0.5;
    } else if (finding.probe === 'jobLevel' && finding.level === 'write') {
      log('warn', finding);
      writes.jobLevel.add(path);
      if (writes.topLevel.has(path)) score = 0;
      else if (undeclared.topLevel.has(path)) score -= 0.5;
    }
  }
  score = Math.max(0, score);
  if (writes.jobLevel.size === 0) logs.push({ level: 'info', text: 'no jobLevel write permissions found' });
  if (score !== 10) return { score: Math.trunc(score), reason: excessive, logs };
  return { score: 10, reason: 'GitHub workflow tokens follow principle of least privilege', logs };
}

/** What each probe makes of the records, in the order the evaluation sees them. */
function probeFindings(permissions: readonly TokenPermission[], compat: boolean): ProbeFinding[] {
  const unknown = permissions.filter((permission) => permission.level === 'unknown').map((permission): ProbeFinding => ({ probe: 'unknown', permission, level: '', negative: true }));
  const located = (probe: 'jobLevel' | 'topLevel'): ProbeFinding[] =>
    permissions.filter((permission) => permission.location === probe).flatMap((permission): ProbeFinding[] => {
      const { level } = permission;
      if (level === 'none' || level === 'read') return [{ probe, permission, level, negative: false }];
      if (level === 'undeclared') {
        if (!compat && probe === 'topLevel' && permission.unused === true) {
          return [{ probe, permission, level: 'none', negative: false, deviation: 'Scorecard lowers the score for a workflow without top-level permissions even when, as here, every job declares its own, so no job inherits the default token permissions.' }];
        }
        return [{ probe, permission, level, negative: true }];
      }
      const tokenName = probe === 'topLevel' && permission.value === 'write-all' ? 'write-all' : permission.name;
      if (tokenName !== undefined) return [{ probe, permission, level, negative: true, tokenName }];
      if (!compat && probe === 'jobLevel' && level === 'write') {
        return [{ probe, permission, level, negative: true, tokenName: 'write-all', deviation: `Scorecard's job-level probe skips \`permissions: ${permission.value ?? ''}\` of a job; it grants every write permission.` }];
      }
      return [];
    });
  return [...unknown, ...located('jobLevel'), ...located('topLevel')];
}

/** What a top-level write costs (reduceBy); the scopes with a cost are also warned about. */
function costOf(tokenName: string | undefined): number {
  switch (tokenName) {
    case 'checks':
    case 'statuses':
      return 0.5;
    case 'contents':
    case 'packages':
    case 'actions':
      return 10;
    case 'deployments':
    case 'security-events':
      return 1;
    default:
      return 0;
  }
}

/** Scorecard's message for a record (probes/internal/utils/permissions createText). */
export function textOf(permission: TokenPermission): string {
  if (permission.message !== undefined) return permission.message;
  const location = permission.location ?? 'topLevel';
  if (permission.level === 'undeclared') return `no ${location} permission defined`;
  if (permission.name === undefined) return `${location} permissions set to '${permission.value ?? ''}'`;
  return `${location} '${permission.name}' permission set to '${permission.value ?? ''}'`;
}
