/**
 * What importing a module of src/ loads before any of its code runs: its static imports, followed
 * transitively. Type-only imports are erased and `import()` runs only when called, so neither
 * counts. Tests use it to prove that a light module stays light (no parser, no library).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './shared.js';

export interface StaticImports {
  /** Every module of the repository loaded, the entry included, relative to the root with `/`. */
  readonly modules: readonly string[];
  /** Every package loaded (Node's built-ins left out), by the specifier it is imported with. */
  readonly packages: readonly string[];
}

/** The static import closure of `entry`, a path relative to the repository root. */
export function staticImports(entry: string): StaticImports {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(repoRoot, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const path = relative(repoRoot, file).split('\\').join('/');
    if (modules.has(path)) continue;
    modules.add(path);
    for (const specifier of loadedSpecifiers(file)) {
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const target = join(dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (!existsSync(target)) throw new Error(`${path}: cannot resolve ${specifier}`);
      pending.push(target);
    }
  }
  return { modules: [...modules].sort(), packages: [...packages].sort() };
}

/** The specifiers of the import and re-export declarations of a file that survive compilation. */
function loadedSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (ts.isImportDeclaration(statement) && statement.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword && ts.isStringLiteral(statement.moduleSpecifier)) {
      return [statement.moduleSpecifier.text];
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)) {
      return [statement.moduleSpecifier.text];
    }
    return [];
  });
}
