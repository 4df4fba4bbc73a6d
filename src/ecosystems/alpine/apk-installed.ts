/**
 * The apk database of installed packages, `lib/apk/db/installed`
 * (https://wiki.alpinelinux.org/wiki/Apk_spec#Installed_Database_V2): stanzas of `K:value` lines
 * separated by blank lines; `P` is the package, `V` its version, `o` its origin (source package),
 * `D` its dependencies and `p` what it provides. Alpine advisories in OSV are keyed by origin, so
 * each package is reported under its origin, with the binary kept in `meta.binary` and the purl.
 */
import type { Component, DependencyEdge, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { apkInstalledFormat } from '../formats.js';

/** As the format's definition names it. */
const { ecosystem } = apkInstalledFormat;

interface Stanza {
  readonly line: number;
  readonly fields: Map<string, string[]>;
}

interface InstalledPackage {
  readonly component: Component;
  readonly depends: readonly string[];
  readonly provides: readonly string[];
}

export const apkInstalledExtractor: Extractor = { ...apkInstalledFormat, extract: extractApkInstalled };

function extractApkInstalled(file: SourceFile): Extraction {
  const problems: InventoryProblem[] = [];
  const installed: InstalledPackage[] = [];
  for (const stanza of readStanzas(file.text, (line, message) => problems.push({ file: file.path, line, message }))) {
    const first = (key: string): string | undefined => stanza.fields.get(key)?.[0];
    const binary = first('P');
    const version = first('V');
    if (binary === undefined || binary === '' || version === undefined || version === '') {
      problems.push({ file: file.path, line: stanza.line, message: 'a package has no P (name) or V (version) field' });
      continue;
    }
    const origin = first('o');
    const architecture = first('A');
    const checksum = first('C');
    installed.push({
      component: {
        name: origin === undefined || origin === '' ? binary : origin,
        version,
        ecosystem,
        purl: componentPurl('apk', binary, version, 'alpine'),
        groups: [],
        location: { file: file.path, line: stanza.line },
        meta: { binary, ...(architecture === undefined ? {} : { architecture }), ...(checksum === undefined ? {} : { checksum }) },
        ...(licenseOf(first('L')) ?? {}),
      },
      depends: (first('D') ?? '').split(/\s+/).filter((name) => name !== '' && !name.startsWith('!')).map(providedName),
      provides: (first('p') ?? '').split(/\s+/).filter((name) => name !== '').map(providedName),
    });
  }
  return { components: installed.map((entry) => entry.component), edges: dependencyEdges(installed), problems };
}

function licenseOf(license: string | undefined): { licenses: string[] } | undefined {
  return license === undefined || license === '' ? undefined : { licenses: [license] };
}

/** `so:libc.musl-x86_64.so.1`, `cmd:sh=1.36.1-r2`, `musl>=1.2`: the name before any version constraint. */
function providedName(entry: string): string {
  return /^[^<>=~]+/.exec(entry)?.[0] ?? entry;
}

/** A dependency names a package or something a package provides (`so:`, `cmd:`, `pc:` names). */
function dependencyEdges(installed: readonly InstalledPackage[]): DependencyEdge[] {
  const providers = new Map<string, Component>();
  for (const { component, provides } of installed) {
    const binary = component.meta?.['binary'];
    if (typeof binary === 'string' && !providers.has(binary)) providers.set(binary, component);
    for (const name of provides) if (!providers.has(name)) providers.set(name, component);
  }
  const edges: DependencyEdge[] = [];
  const seen = new Set<string>();
  for (const { component, depends } of installed) {
    for (const name of depends) {
      const target = providers.get(name);
      if (target === undefined || target === component || seen.has(`${component.purl} ${target.purl}`)) continue;
      seen.add(`${component.purl} ${target.purl}`);
      edges.push({ from: component.purl, to: target.purl });
    }
  }
  return edges;
}

/** `K:value` lines; a key may repeat (`F:`/`R:` file lists), so each keeps its values in order. */
function readStanzas(text: string, report: (line: number, message: string) => void): Stanza[] {
  const stanzas: Stanza[] = [];
  let current: Stanza | undefined;
  text.split(/\r?\n/).forEach((lineText, index) => {
    if (lineText.trim() === '') {
      current = undefined;
      return;
    }
    if (lineText.length < 2 || lineText.charAt(1) !== ':') {
      report(index + 1, 'expected "K:value"');
      return;
    }
    if (current === undefined) {
      current = { line: index + 1, fields: new Map() };
      stanzas.push(current);
    }
    const key = lineText.charAt(0);
    const values = current.fields.get(key);
    if (values === undefined) current.fields.set(key, [lineText.slice(2)]);
    else values.push(lineText.slice(2));
  });
  return stanzas;
}
