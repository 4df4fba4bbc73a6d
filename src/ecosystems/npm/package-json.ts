/**
 * package.json as a manifest (https://docs.npmjs.com/cli/configuring-npm/package-json): the
 * project's declared dependencies, each unpinned with its range and the range's lowest version.
 * The package.json files inside node_modules describe installed packages, not the project: skipped.
 */
import type { Component, DependencyScope, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { packageJsonFormat } from '../formats.js';
import { readSpecifier } from './dependency-specifier.js';
import { objectEntries, property, readJsonObject, stringValue } from '../json-tree.js';
import { mergeGroups, mergeScope } from './locked-packages.js';

/** package.json nests a few levels (scripts, exports conditions); anything far deeper is hostile. */
const maxDepth = 64;

const sections: readonly { readonly section: string; readonly scope: DependencyScope; readonly groups: readonly string[] }[] = [
  { section: 'dependencies', scope: 'prod', groups: [] },
  { section: 'devDependencies', scope: 'dev', groups: ['dev'] },
  { section: 'optionalDependencies', scope: 'optional', groups: ['optional'] },
  { section: 'peerDependencies', scope: 'peer', groups: ['peer'] },
];

export const packageJsonExtractor: Extractor = { ...packageJsonFormat, extract: extractPackageJson };

function extractPackageJson(file: SourceFile): Extraction {
  const document = readJsonObject(file.text, { label: 'package.json', jsonc: false, maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const problems: InventoryProblem[] = [];
  // One component per name@version (and commit); a name declared twice the same way merges like npm's groups.
  const byKey = new Map<string, Component>();
  for (const { section, scope, groups } of sections) {
    const node = property(document.root, section);
    if (node === undefined) continue;
    if (node.type !== 'object') {
      problems.push({ file: file.path, line: document.line(node.offset), message: `"${section}" is not an object` });
      continue;
    }
    for (const { key, value, offset } of objectEntries(node)) {
      const line = document.line(offset);
      const spec = stringValue(value);
      if (spec === undefined) {
        problems.push({ file: file.path, line, message: `${section}: "${key}" does not map to a version string` });
        continue;
      }
      const declared = readSpecifier(key, spec);
      let purl: string;
      try {
        purl = componentPurl('npm', declared.name, declared.version);
      } catch {
        problems.push({ file: file.path, line, message: `${section}: "${declared.name}" is not an npm package name` });
        continue;
      }
      const id = `${declared.name}@${declared.version}#${declared.commit ?? ''}`;
      const existing = byKey.get(id);
      if (existing !== undefined) {
        byKey.set(id, { ...existing, groups: mergeGroups(existing.groups, groups), scope: mergeScope(existing.scope ?? scope, scope) });
        continue;
      }
      byKey.set(id, {
        name: declared.name,
        version: declared.version,
        ecosystem: 'npm',
        purl,
        groups: [...groups],
        scope,
        direct: true,
        unpinned: true,
        versionRange: declared.versionRange,
        location: { file: file.path, line },
        ...(declared.commit === undefined ? {} : { commit: declared.commit }),
        ...(declared.resolved === undefined ? {} : { resolved: declared.resolved }),
      });
    }
  }
  return { components: [...byKey.values()], edges: [], problems };
}
