/** The extractors a source folder exports, for the tests that check a registry against its folders. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Extractor } from '../src/ecosystems/extractor.js';

function isExtractor(value: unknown): value is Extractor {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Extractor>).format === 'string' && typeof (value as Partial<Extractor>).extract === 'function';
}

/** Every extractor the modules of `folder` (an absolute path) export, found by importing them all. */
export async function exportedExtractors(folder: string): Promise<Extractor[]> {
  const files = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  const modules = await Promise.all(files.map((name) => import(join(folder, name)) as Promise<Record<string, unknown>>));
  return modules.flatMap((module) => Object.values(module).filter(isExtractor));
}
