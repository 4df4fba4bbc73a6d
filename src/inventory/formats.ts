/**
 * The input formats the inventory reads: the ecosystems' extractors and the SBOM readers. A
 * format's name is what `--parse-as` takes.
 */
import type { Extractor } from '../ecosystems/extractor.js';
import { extractors as ecosystemExtractors } from '../ecosystems/registry.js';
import { cycloneDxJsonExtractor } from './sbom/cyclonedx-json.js';
import { cycloneDxXmlExtractor } from './sbom/cyclonedx-xml.js';
import { spdxJsonExtractor } from './sbom/spdx-json.js';
import { spdxTagValueExtractor } from './sbom/spdx-tag-value.js';

/** SBOM readers: they yield components of every ecosystem, so their `ecosystem` is `''`. */
export const sbomExtractors: readonly Extractor[] = [cycloneDxJsonExtractor, cycloneDxXmlExtractor, spdxJsonExtractor, spdxTagValueExtractor];

export const allExtractors: readonly Extractor[] = [...ecosystemExtractors, ...sbomExtractors];

/**
 * Formats that declare what a project wants rather than what it resolved: read only when the
 * same folder has no lockfile of the same ecosystem.
 */
export const manifestFormats: ReadonlySet<string> = new Set(['package-json', 'pyproject-toml', 'cargo-toml', 'gemfile', 'csproj']);

const byFormat = new Map(allExtractors.map((extractor) => [extractor.format, extractor]));

export function extractorForFormat(format: string): Extractor | undefined {
  return byFormat.get(format);
}

/** The extractors whose file-name rule matches `path` (relative, `/` separators). */
export function extractorsForPath(path: string): Extractor[] {
  return allExtractors.filter((extractor) => extractor.matches(path));
}

/** Every format name, for `--parse-as` help and errors. */
export function formatNames(): string[] {
  return allExtractors.map((extractor) => extractor.format).sort();
}
