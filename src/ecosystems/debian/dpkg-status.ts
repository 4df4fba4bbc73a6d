/**
 * The dpkg database of installed packages, `var/lib/dpkg/status` (deb822 stanzas, dpkg(1) and
 * deb-control(5)). Debian advisories in OSV are keyed by source package, so each installed binary
 * is reported under its `Source:` name and version (`Source: name (version)` when the source
 * version differs, as after a binNMU), with the binary kept in `meta.binary` and in the purl.
 * `Depends` and `Pre-Depends` give edges between installed binaries.
 */
import type { Component, DependencyEdge, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { dpkgStatusFormat } from '../formats.js';

/** As the format's definition names it. */
const { ecosystem } = dpkgStatusFormat;

interface ControlStanza {
  readonly line: number;
  readonly fields: ReadonlyMap<string, string>;
}

export const dpkgStatusExtractor: Extractor = { ...dpkgStatusFormat, extract: extractDpkgStatus };

function extractDpkgStatus(file: SourceFile): Extraction {
  const problems: InventoryProblem[] = [];
  const stanzas = readControlStanzas(file.text, (line, message) => problems.push({ file: file.path, line, message }));
  const components: Component[] = [];
  const byBinary = new Map<string, Component>();
  const depends: [Component, string][] = [];
  for (const stanza of stanzas) {
    const field = (name: string): string | undefined => stanza.fields.get(name.toLowerCase());
    // The third word of Status is the state; "installed" also covers held packages ("hold ok installed").
    if (field('Status')?.split(/\s+/)[2] !== 'installed') continue;
    const binary = field('Package');
    const binaryVersion = field('Version');
    if (binary === undefined || binary === '' || binaryVersion === undefined || binaryVersion === '') {
      problems.push({ file: file.path, line: stanza.line, message: 'an installed package has no Package or Version field' });
      continue;
    }
    const source = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(field('Source') ?? '');
    const architecture = field('Architecture');
    const component: Component = {
      name: source?.[1] ?? binary,
      version: source?.[2] ?? binaryVersion,
      ecosystem,
      // The purl names the installed binary, at the binary's own version.
      purl: componentPurl('deb', binary, binaryVersion, 'debian'),
      groups: [],
      location: { file: file.path, line: stanza.line },
      meta: {
        binary,
        ...(binaryVersion === (source?.[2] ?? binaryVersion) ? {} : { binaryVersion }),
        ...(architecture === undefined ? {} : { architecture }),
      },
    };
    components.push(component);
    byBinary.set(binary, component);
    for (const key of ['Pre-Depends', 'Depends']) {
      for (const name of dependencyNames(field(key) ?? '')) depends.push([component, name]);
    }
  }
  return { components, edges: edgesTo(depends, byBinary), problems };
}

/**
 * deb-control(5) relationship fields: `a (>= 1) | b, c:any [amd64]`. Every alternative that is
 * installed gets an edge; the architecture qualifier after `:` is dropped.
 */
function dependencyNames(value: string): string[] {
  return value
    .split(/[,|]/)
    .map((alternative) => /^\s*([^\s(:[]+)/.exec(alternative)?.[1])
    .filter((name): name is string => name !== undefined);
}

function edgesTo(depends: readonly (readonly [Component, string])[], byBinary: ReadonlyMap<string, Component>): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  const seen = new Set<string>();
  for (const [from, name] of depends) {
    const to = byBinary.get(name);
    if (to === undefined || to === from || seen.has(`${from.purl} ${to.purl}`)) continue;
    seen.add(`${from.purl} ${to.purl}`);
    edges.push({ from: from.purl, to: to.purl });
  }
  return edges;
}

/**
 * deb822 stanzas: `Field: value` lines, continuation lines starting with a space or tab, stanzas
 * separated by blank lines. Field names are case-insensitive (kept lower-cased here).
 */
function readControlStanzas(text: string, report: (line: number, message: string) => void): ControlStanza[] {
  const stanzas: ControlStanza[] = [];
  let fields = new Map<string, string>();
  let start = 0;
  let last: string | undefined;
  const close = (): void => {
    if (fields.size > 0) stanzas.push({ line: start, fields });
    fields = new Map();
    last = undefined;
  };
  text.split(/\r?\n/).forEach((lineText, index) => {
    if (lineText.trim() === '') {
      close();
      return;
    }
    if (/^[ \t]/.test(lineText)) {
      if (last === undefined) report(index + 1, 'a continuation line outside a field');
      else fields.set(last, `${fields.get(last) ?? ''}\n${lineText.trim()}`);
      return;
    }
    const colon = lineText.indexOf(':');
    if (colon <= 0) {
      report(index + 1, 'expected "Field: value"');
      return;
    }
    if (fields.size === 0) start = index + 1;
    last = lineText.slice(0, colon).trim().toLowerCase();
    fields.set(last, lineText.slice(colon + 1).trim());
  });
  close();
  return stanzas;
}
