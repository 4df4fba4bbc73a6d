// Lint carries the style (../shared/STYLE.md), including the layering of DESIGN.md: a module imports
// only the modules listed above it, and an ecosystem folder never imports another ecosystem folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What each module of src/ may import besides itself (DESIGN.md, "Modules"). */
const layers = {
  model: [],
  'errors.ts': [],
  config: ['errors.ts', 'model'],
  store: ['errors.ts', 'model'],
  net: ['errors.ts', 'model'],
  ecosystems: ['errors.ts', 'model', 'net'],
  inventory: ['errors.ts', 'model', 'net', 'store', 'ecosystems'],
  advisories: ['errors.ts', 'model', 'net', 'store', 'ecosystems', 'inventory'],
  checks: ['errors.ts', 'model', 'net', 'store', 'ecosystems', 'inventory', 'advisories'],
  signals: ['errors.ts', 'model', 'net', 'store', 'ecosystems'],
  provenance: ['errors.ts', 'model', 'net'],
  policy: ['errors.ts', 'model'],
  report: ['errors.ts', 'model'],
};
const modules = Object.keys(layers);

const layerZones = Object.entries(layers).flatMap(([module, allowed]) =>
  modules
    .filter((other) => other !== module && !allowed.includes(other))
    .map((other) => ({
      target: `./src/${module}`,
      from: `./src/${other}`,
      message: `DESIGN.md layering: src/${module} must not import src/${other}.`,
    })),
);

// Ecosystem folders are siblings that never import each other; schemes/ is shared by all.
const ecosystemFolders = readdirSync(join(import.meta.dirname, 'src', 'ecosystems'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'schemes' && !entry.name.startsWith('__'))
  .map((entry) => entry.name);
const ecosystemZones = ecosystemFolders.map((folder) => ({
  target: `./src/ecosystems/${folder}`,
  from: ecosystemFolders.filter((other) => other !== folder).map((other) => `./src/ecosystems/${other}`),
  message: 'An ecosystem folder never imports another ecosystem folder; shared schemes live in src/ecosystems/schemes/.',
}));

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'bench/.work/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...ecosystemZones] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='exit']",
          message: 'Only src/cli/main.ts decides the exit code.',
        },
      ],
    },
  },
  {
    // Tests may use non-null assertions on values they have just checked.
    files: ['**/*.test.ts', 'test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    // Config files of the tools use default exports by convention.
    files: ['*.config.ts', '*.config.js', 'test/global-setup.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    // The CLI is the one layer that talks to the terminal and ends the process.
    files: ['src/cli/**'],
    rules: { 'no-console': 'off', 'no-restricted-syntax': 'off' },
  },
);
