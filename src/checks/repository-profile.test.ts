import { describe, expect, it } from 'vitest';
import { memoryRepository } from './repository.js';
import { languageOfPath, repositoryEcosystems, repositoryLanguages } from './repository-profile.js';

describe('repository profile', () => {
  it('names languages as GitHub does, lower-cased', () => {
    expect(['a.go', 'b.TSX', 'c.cs', 'd.fs', 'e.hpp', 'Makefile', '.eslintrc'].map(languageOfPath)).toEqual(['go', 'typescript', 'c#', 'f#', 'c++', undefined, undefined]);
  });

  it('sums sizes per language, leaving vendored folders out', () => {
    const files = memoryRepository({ 'main.go': 'x'.repeat(300), 'util.go': 'x'.repeat(100), 'web/app.js': 'x'.repeat(50), 'node_modules/lib/index.js': 'x'.repeat(9999), 'vendor/dep/dep.go': 'x'.repeat(9999) });
    expect(repositoryLanguages(files)).toEqual([
      { name: 'go', lines: 400 },
      { name: 'javascript', lines: 50 },
    ]);
  });

  it('estimates a language with many files from an even sample', () => {
    const files = memoryRepository(Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`src/f${String(index).padStart(4, '0')}.py`, 'x'.repeat(10)])));
    expect(repositoryLanguages(files)).toEqual([{ name: 'python', lines: 10_000 }]);
  });

  it('lists Dependabot ecosystems with their folders', () => {
    const files = memoryRepository({ 'Cargo.toml': '', 'crates/a/Cargo.toml': '', 'App.csproj': '', 'infra/main.tf': '', 'testdata/go.mod': '' });
    expect(repositoryEcosystems(files)).toEqual([
      { name: 'cargo', directories: ['/', '/crates/a'] },
      { name: 'nuget', directories: ['/'] },
      { name: 'terraform', directories: ['/infra'] },
    ]);
  });
});
