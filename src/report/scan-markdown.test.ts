import { describe, expect, it } from 'vitest';
import { maliciousFinding, scanFinding as finding, scanReportOf as reportOf } from './__fixtures__/scan-report.js';
import { code, literal, scanMarkdown } from './scan-markdown.js';

const malicious = maliciousFinding({ direct: false, paths: [['pkg:npm/%40acme/tool@1.0.0', 'pkg:npm/evil-pkg@6.6.6']] });

const lodashHigh = finding({
  id: 'GHSA-p6mc-m468-83gw',
  aliases: ['CVE-2020-8203'],
  summary: 'Prototype Pollution in lodash',
  severity: { rating: 'high', score: 7.4, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H' },
  name: 'lodash',
  version: '4.17.15',
  purl: 'pkg:npm/lodash@4.17.15',
  locations: [{ file: 'package-lock.json', line: 120 }, { file: 'app/package-lock.json', line: 7 }],
  fixed: ['4.17.19', '4.17.21'],
  upgrade: '4.17.19',
  references: ['https://osv.dev/vulnerability/GHSA-p6mc-m468-83gw', 'https://osv.dev/vulnerability/CVE-2020-8203'],
  direct: true,
  paths: [['pkg:npm/lodash@4.17.15']],
});

const minimist = finding({
  id: 'GHSA-aaaa-bbbb-cccc',
  summary: 'ReDoS in minimist',
  severity: { rating: 'medium', score: 5.3, vector: null },
  name: 'minimist',
  version: '0.0.8',
  purl: 'pkg:npm/minimist@0.0.8',
  scope: 'dev',
  locations: [{ file: 'package-lock.json', line: 200 }],
  fixed: ['1.2.6'],
  upgrade: '1.2.6',
  paths: [
    ['pkg:npm/mkdirp@0.5.1', 'pkg:npm/minimist@0.0.8'],
    ['pkg:npm/optimist@0.6.1', 'pkg:npm/minimist@0.0.8'],
  ],
});

const lodashMedium = finding({
  ...lodashHigh,
  id: 'GHSA-29mw-wpgm-hmr9',
  aliases: ['CVE-2020-28500'],
  summary: 'ReDoS in lodash',
  severity: { rating: 'medium', score: 5.3, vector: null },
  fixed: ['4.17.21'],
  upgrade: '4.17.21',
  references: ['https://osv.dev/vulnerability/GHSA-29mw-wpgm-hmr9'],
});

const unfixed = finding({ id: 'OSV-2025-1', summary: 'No fix anywhere', severity: { rating: 'low', score: null, vector: null }, references: [] });

const ignored = finding({
  id: 'GHSA-ignr-ignr-ignr',
  summary: 'Only reachable from tests',
  severity: { rating: 'critical', score: 9.8, vector: null },
  ignored: { id: 'CVE-2099-1', reason: 'Only in test fixtures', until: '2099-12-31' },
});

const full = reportOf([malicious, lodashHigh, minimist, lodashMedium, unfixed, ignored], {
  fixes: [
    { name: 'evil-pkg', ecosystem: 'npm', purl: 'pkg:npm/evil-pkg@6.6.6', version: '6.6.6', fixes: [], unfixed: ['MAL-2024-1'] },
    { name: 'left-pad', ecosystem: 'npm', purl: 'pkg:npm/left-pad@1.0.0', version: '1.0.0', fixes: [], unfixed: ['OSV-2025-1'] },
    { name: 'lodash', ecosystem: 'npm', purl: 'pkg:npm/lodash@4.17.15', version: '4.17.15', upgradeTo: '4.17.21', fixes: ['GHSA-p6mc-m468-83gw', 'GHSA-29mw-wpgm-hmr9'], unfixed: [] },
    { name: 'minimist', ecosystem: 'npm', purl: 'pkg:npm/minimist@0.0.8', version: '0.0.8', upgradeTo: '1.2.6', fixes: ['GHSA-aaaa-bbbb-cccc'], unfixed: ['GHSA-dddd-eeee-ffff'] },
  ],
  unmatched: [{ name: 'local', version: '', ecosystem: 'npm', purl: 'pkg:npm/local', location: { file: 'package.json', line: 3 }, reason: 'no version' }],
  ignoreNotices: [{ id: 'CVE-1', message: 'the exception for CVE-1 matched no finding; remove it if the advisory no longer applies' }],
});

/**
 * The cells of a GFM table row, split as cmark-gfm (GitHub's parser) does: at every pipe without
 * a backslash right before it; a backslash escapes nothing else at this stage.
 */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let index = 1; index < line.length - 1; index += 1) {
    const character = line[index] ?? '';
    if (character === '|' && line[index - 1] !== '\\') {
      cells.push(current.trim());
      current = '';
    } else current += character;
  }
  return [...cells, current.trim()];
}

describe('scanMarkdown', () => {
  it('writes the verdict, the findings by package (malicious first), upgrades, ignored findings and notes', () => {
    expect(scanMarkdown(full)).toBe(`## Trustline: 5 findings (1 malicious, 1 high, 2 medium, 1 low) in 4 of 12 packages

| Package | Ecosystem | Severity | ID | Summary | Fix | Where |
| --- | --- | --- | --- | --- | --- | --- |
| \`evil-pkg@6.6.6\` | npm | **MALICIOUS** | [MAL-2024-1](https://osv.dev/vulnerability/MAL-2024-1) | Malicious code in evil-pkg (npm) | **remove it** | package-lock.json:40 (via @acme/tool@1.0.0) |
| \`lodash@4.17.15\` | npm | **HIGH 7.4** | [GHSA-p6mc-m468-83gw](https://osv.dev/vulnerability/GHSA-p6mc-m468-83gw) (CVE-2020-8203) | Prototype Pollution in lodash | upgrade to \`4.17.19\` | package-lock.json:120, app/package-lock.json:7 |
|  |  | MEDIUM 5.3 | [GHSA-29mw-wpgm-hmr9](https://osv.dev/vulnerability/GHSA-29mw-wpgm-hmr9) (CVE-2020-28500) | ReDoS in lodash | upgrade to \`4.17.21\` |  |
| \`minimist@0.0.8\` (dev) | npm | MEDIUM 5.3 | [GHSA-aaaa-bbbb-cccc](https://osv.dev/vulnerability/GHSA-aaaa-bbbb-cccc) | ReDoS in minimist | upgrade to \`1.2.6\` | package-lock.json:200 (via mkdirp@0.5.1 +1) |
| \`left-pad@1.0.0\` | npm | LOW | OSV-2025-1 | No fix anywhere | no fix yet | package-lock.json:10 |

**Upgrades**

- \`evil-pkg@6.6.6\`: **remove it** (malicious: MAL-2024-1)
- \`left-pad@1.0.0\`: no single version fixes OSV-2025-1
- \`lodash@4.17.15\` → \`4.17.21\` (fixes GHSA-p6mc-m468-83gw, GHSA-29mw-wpgm-hmr9)
- \`minimist@0.0.8\` → \`1.2.6\` (fixes GHSA-aaaa-bbbb-cccc); no fix yet for GHSA-dddd-eeee-ffff

<details>
<summary>1 ignored finding</summary>

| Package | ID | Reason | Until |
| --- | --- | --- | --- |
| \`left-pad@1.0.0\` | GHSA-ignr-ignr-ignr | Only in test fixtures | 2099-12-31 |

</details>

> **Not checked:** 1 package (no version, a version range without a lockfile, or an ecosystem Trustline does not know); \`trustline scan\` lists them.
>
> **trustline.yaml:** the exception for CVE-1 matched no finding; remove it if the advisory no longer applies
>
> Advisory data: 5 advisories, imported 2025-01-02 03:04 UTC.
`);
  });

  it('says so when nothing is found, and names what the verdict could not cover', () => {
    const report = reportOf([], { source: { advisories: 0, importedAt: null, sources: [], ecosystems: ['Go', 'PyPI', 'npm'], missingEcosystems: ['Go', 'PyPI'] }, errors: [{ file: 'go.sum', message: 'unreadable' }] });
    expect(scanMarkdown(report)).toBe(`## Trustline: No known vulnerabilities or malicious packages in 12 packages

> **No advisory data** for Go, PyPI: those packages were checked against nothing.
>
> **1 problem** reading inputs or advisories; \`trustline scan\` shows them.
>
> Advisory data: none in the store.
`);
  });

  it('keeps a package with only ignored findings out of the table and the verdict', () => {
    const text = scanMarkdown(reportOf([ignored]));
    expect(text.split('\n')[0]).toBe('## Trustline: No known vulnerabilities or malicious packages in 12 packages');
    expect(text).not.toContain('| Package | Ecosystem |');
    expect(text).toContain('<summary>1 ignored finding</summary>');
  });

  it('shows at most three places per package, and the version-less name without @', () => {
    const spread = finding({ id: 'X-1', version: '', locations: [{ file: 'a.lock', line: 1 }, { file: 'a.lock', line: 1 }, { file: 'b.lock' }, { file: 'c.lock', line: 3 }, { file: 'd.lock', line: 4 }, { file: 'e.lock' }] });
    const row = scanMarkdown(reportOf([spread])).split('\n')[4] ?? '';
    expect(cellsOf(row)[0]).toBe('`left-pad`');
    expect(cellsOf(row)[6]).toBe('a.lock:1, b.lock, c.lock:3 +2 more');
  });

  it('links an id to its first web reference only, and not at all without one', () => {
    const idCell = (references: readonly string[]): string | undefined => cellsOf(scanMarkdown(reportOf([finding({ id: 'X-1', references })])).split('\n')[4] ?? '')[3];
    expect(idCell(['javascript:alert(1)', 'not a url', 'https://example.com/a b(c)'])).toBe('[X-1](https://example.com/a%20b%28c%29)');
    expect(idCell([])).toBe('X-1');
    expect(idCell(['data:text/html,x'])).toBe('X-1');
  });

  it('keeps hostile advisory text, names and paths inside their cells, with no HTML and no code span or link of their own', () => {
    const hostile = 'a | b </td><script>alert(1)</script> `x` [link](https://evil) ![img](https://evil/i.png) back\\|slash &lt;\nnext | line';
    const report = reportOf([
      finding({ id: 'GHSA-|x', aliases: ['CVE-<1>'], summary: hostile, name: 'we`ird|na\\|me<i>', version: '1.0`', locations: [{ file: 'a|b<c>.json', line: 1 }] }),
      finding({ id: 'X-2', ignored: { id: 'X-2', reason: '</details><img src=x onerror=alert(1)> | `', until: '2099-01-01' } }),
    ]);
    const text = scanMarkdown(report);
    const rows = text.split('\n').filter((line) => line.startsWith('| '));
    expect(rows.map((line) => cellsOf(line).length)).toEqual([7, 7, 7, 4, 4, 4]);
    // Every tag outside code spans is one of ours; inside one, `<i>` is text.
    expect(text.replace('<i>@1.0` ``', '').match(/<\/?[a-z][^>]*>/gi)).toEqual(['<details>', '<summary>', '</summary>', '</details>']);
    const cells = cellsOf(rows[2] ?? '');
    expect(cells[0]).toBe('`` we`ird\\|na\\\\|me<i>@1.0` ``');
    expect(cells[3]).toBe('[GHSA-\\|x](https://osv.dev/vulnerability/GHSA-|x) (CVE-&lt;1&gt;)'.replace('GHSA-|x)', 'GHSA-%7Cx)'));
    expect(cells[4]).toBe(
      'a \\| b &lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; \\`x\\` \\[link\\](https://evil) !\\[img\\](https://evil/i.png) back\\\\\\|slash &amp;lt; next \\| line',
    );
    expect(cells[6]).toBe('a\\|b&lt;c&gt;.json:1');
    expect(cellsOf(rows[5] ?? '')[2]).toBe('&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt; \\| \\`');
  });

  it('leaves rows out past maxLength, ignored findings first, and counts them', () => {
    const many = Array.from({ length: 40 }, (_, index) => finding({ id: `GHSA-0000-0000-${String(index).padStart(4, '0')}`, summary: 'x'.repeat(100) }));
    const ignoredMany = Array.from({ length: 10 }, (_, index) => finding({ id: `IGN-${index}`, ignored: { id: `IGN-${index}`, reason: 'accepted' } }));
    const report = reportOf([...many, ...ignoredMany]);
    const whole = scanMarkdown(report);
    expect(scanMarkdown(report, { maxLength: whole.length })).toBe(whole);
    const text = scanMarkdown(report, { maxLength: 3000 });
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toContain('_10 more not shown._');
    const shownFindings = text.split('\n').filter((line) => line.startsWith('|  |  |') || line.startsWith('| `left-pad@1.0.0` | npm |')).length;
    expect(text).toContain(`_${40 - shownFindings} more findings not shown: run \`trustline scan\` for the full report._`);
    expect(shownFindings).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    expect(scanMarkdown(structuredClone(full))).toBe(scanMarkdown(full));
  });
});

describe('literal and code', () => {
  it('escape outside text for inline Markdown', () => {
    expect(literal('  a\r\n|b\\ `c` [d] <e> &f ')).toBe('a \\|b\\\\ \\`c\\` \\[d\\] &lt;e&gt; &amp;f');
    expect(literal('plain-text 1.2.3')).toBe('plain-text 1.2.3');
  });

  it('fence code spans past the longest backtick run, and escape pipes only in tables', () => {
    expect(code('lodash@4.17.15')).toBe('`lodash@4.17.15`');
    expect(code('a``b')).toBe('```a``b```');
    expect(code('`start')).toBe('`` `start ``');
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('a|b', false)).toBe('`a|b`');
  });
});
