/**
 * The input formats the inventory reads: the ecosystems' extractors and the SBOM readers. A
 * format's name is what `--parse-as` takes. Every format is known here by its light definition;
 * its parser is imported only when a file of it is read (`load()`), so that a run pays for the
 * parsers it uses and no others.
 */
import { lazyExtractor } from '../ecosystems/extractor.js';
import type { LazyExtractor } from '../ecosystems/extractor.js';
import { extractors as ecosystemExtractors } from '../ecosystems/extractors.js';
import { cycloneDxJsonFormat, cycloneDxXmlFormat, spdxJsonFormat, spdxTagValueFormat } from './sbom/formats.js';

/** SBOM readers: they yield components of every ecosystem, so their `ecosystem` is `''`. */
export const sbomExtractors: readonly LazyExtractor[] = [
  lazyExtractor(cycloneDxJsonFormat, () => import('./sbom/cyclonedx-json.js').then((module) => module.cycloneDxJsonExtractor)),
  lazyExtractor(cycloneDxXmlFormat, () => import('./sbom/cyclonedx-xml.js').then((module) => module.cycloneDxXmlExtractor)),
  lazyExtractor(spdxJsonFormat, () => import('./sbom/spdx-json.js').then((module) => module.spdxJsonExtractor)),
  lazyExtractor(spdxTagValueFormat, () => import('./sbom/spdx-tag-value.js').then((module) => module.spdxTagValueExtractor)),
];

export const allExtractors: readonly LazyExtractor[] = [...ecosystemExtractors, ...sbomExtractors];

/**
 * Formats that declare what a project wants rather than what it resolved: read only when the
 * same folder has no lockfile of the same ecosystem.
 */
export const manifestFormats: ReadonlySet<string> = new Set(['package-json', 'pyproject-toml', 'cargo-toml', 'gemfile', 'csproj']);

const byFormat = new Map(allExtractors.map((extractor) => [extractor.format, extractor]));

export function extractorForFormat(format: string): LazyExtractor | undefined {
  return byFormat.get(format);
}

/** The extractors whose file-name rule matches `path` (relative, `/` separators). */
export function extractorsForPath(path: string): LazyExtractor[] {
  return allExtractors.filter((extractor) => extractor.matches(path));
}

/** Every format name, for `--parse-as` help and errors. */
export function formatNames(): string[] {
  return allExtractors.map((extractor) => extractor.format).sort();
}
