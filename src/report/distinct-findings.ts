import type { Finding } from '../model/index.js';

/**
 * The findings with at most one per alias group and package version, in report order. The scan
 * gives one each already; should two findings of one package still share an id of their groups
 * (the same advisory shown under two ids), the first stands for both and takes the other's
 * locations. Renderers rely on it: GitHub would show one alert twice, and a BOM cannot hold two
 * vulnerabilities with one bom-ref.
 */
export function distinctFindings(findings: readonly Finding[]): Finding[] {
  const distinct: Finding[] = [];
  const byKey = new Map<string, number>();
  for (const finding of findings) {
    const keys = [finding.id, ...finding.aliases].map((id) => JSON.stringify([finding.ecosystem, finding.purl, id]));
    const index = keys.map((key) => byKey.get(key)).find((known) => known !== undefined);
    const first = index === undefined ? undefined : distinct[index];
    if (index === undefined || first === undefined) {
      for (const key of keys) byKey.set(key, distinct.length);
      distinct.push(finding);
      continue;
    }
    distinct[index] = { ...first, locations: [...first.locations, ...finding.locations] };
    for (const key of keys) if (!byKey.has(key)) byKey.set(key, index);
  }
  return distinct;
}
