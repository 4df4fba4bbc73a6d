/**
 * Repository posture: the result of `trustline check`, Scorecard-compatible checks with the
 * evidence and the fix of every finding (docs/commands/check.md, "JSON").
 */

/** Scorecard's risk levels; they weigh each check in the aggregate score. */
export type CheckRisk = 'Critical' | 'High' | 'Medium' | 'Low';

/** What a finding says about one piece of evidence. */
export type CheckOutcome = 'pass' | 'fail' | 'not-applicable' | 'error';

/** Scorecard's names for the kinds of dependency Pinned-Dependencies judges. */
export type PinnedDependencyType =
  | 'GitHubAction'
  | 'containerImage'
  | 'downloadThenRun'
  | 'goCommand'
  | 'pipCommand'
  | 'npmCommand'
  | 'chocoCommand'
  | 'nugetCommand';

/** One piece of evidence: a file and line, the offending text, and the change that fixes it. */
export interface CheckFinding {
  readonly outcome: CheckOutcome;
  /** One sentence: what was found. */
  readonly message: string;
  /** The file, relative to the repository root with `/` separators. */
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  readonly endLine?: number;
  /** The offending text (a `uses:` line, a shell command as Scorecard renders it). */
  readonly snippet?: string;
  /** The concrete change that fixes it: a pinned line, a block to add, a patched file. */
  readonly remediation?: string;
  /** Pinned-Dependencies only: the dependency's kind, with Scorecard's names. */
  readonly dependencyType?: PinnedDependencyType;
  /** Pinned-Dependencies only. */
  readonly pinned?: boolean;
  /**
   * Set when this finding differs from what Scorecard would report (an improvement that
   * `--scorecard-compat` turns off): why.
   */
  readonly deviation?: string;
}

export interface CheckResult {
  /** Scorecard's check name (`Pinned-Dependencies`). */
  readonly name: string;
  /** 0 to 10; -1 when the check could not run (the reason says why). */
  readonly score: number;
  readonly reason: string;
  readonly risk: CheckRisk;
  readonly findings: readonly CheckFinding[];
  /** The check's documentation (Scorecard's, for compatible checks). */
  readonly documentation: string;
}

export interface CheckReport {
  /** What was checked: a local path, a GitHub URL, or both. */
  readonly repository: { readonly path?: string; readonly url?: string; readonly commit?: string };
  /** When the checks ran (ISO 8601). */
  readonly date: string;
  /** The aggregate 0 to 10 with Scorecard's risk weights over the checks that ran; -1 when none could. */
  readonly score: number;
  /** Scorecard's results exactly (`--scorecard-compat`), or with Trustline's improvements. */
  readonly scorecardCompat: boolean;
  readonly checks: readonly CheckResult[];
}
