/** In-memory inputs for extractor tests, served the way the inventory core serves files. */
import { posix } from 'node:path';
import type { SourceFile } from '../src/ecosystems/extractor.js';

/** A file in an in-memory tree; readRelated resolves beside it and never leaves the tree. */
export function treeFile(files: Readonly<Record<string, string>>, path: string): SourceFile {
  const text = files[path];
  if (text === undefined) throw new Error(`no fixture ${path}`);
  return {
    path,
    text,
    readRelated(relativePath) {
      const target = posix.normalize(posix.join(posix.dirname(path), relativePath));
      return files[target] === undefined ? undefined : treeFile(files, target);
    },
  };
}
