import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Layers point one way: cli → io → core → schema. Each block below forbids
 * the imports that would point back up; test/lint/layers.test.ts plants such
 * an import in each layer and checks that lint fails on it.
 */
const restricted = (...patterns) => ['error', { patterns }];

export default defineConfig(
  // src/wasm: AssemblyScript (its own types and decorators), compiled by asc through build-wasm.mjs.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/wasm/**'] },
  ...tseslint.configs.recommended,
  {
    // The command's shim is CommonJS (bin/package.json): Node starts it without its ESM loader.
    files: ['bin/**/*.js', 'bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The schema is the lowest layer: zod shapes and their types, nothing of ours above it.
    files: ['src/schema/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(
        { regex: '(^|/)\\.\\./(core|io|cli)(/|$)', message: 'src/schema is the lowest layer: it imports nothing from core, io or cli.' },
      ),
    },
  },
  {
    // The core is pure: plain data in, plain data out. It may import types
    // from the schema, never zod itself, Node, or anything that prints.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(
        { regex: '^node:', message: 'src/core is pure: no Node built-ins.' },
        { regex: '^(fs|path|os|child_process|process|worker_threads)$', message: 'src/core is pure: no I/O.' },
        { regex: '^(zod|chalk|cli-table3|csv-parse|csv-stringify|yaml|commander|@commander-js)', message: 'src/core is pure: parsing and rendering live in src/io and src/cli.' },
        { regex: '(^|/)\\.\\./(io|cli)(/|$)', message: 'src/core must not depend on the shell (io, cli).' },
        { regex: '(^|/)\\.\\./schema(/|$)', allowTypeImports: true, message: 'src/core may import schema types only (import type).' },
      ),
      'no-restricted-globals': ['error', 'process', 'console', 'Date'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'src/core has no unseeded randomness.' }],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(
        { regex: '(^|/)\\.\\./(\\.\\./)?cli(/|$)', message: 'src/io must not depend on the command line (src/cli).' },
      ),
    },
  },
  {
    // A command is a leaf: what two commands share lives in src/cli (options,
    // rendering, the batch runner) or in src/io (output files and columns).
    files: ['src/cli/commands/**/*.ts'],
    ignores: ['src/cli/commands/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(
        { regex: '^\\./', message: 'commands do not import from each other: move what they share to src/cli or src/io.' },
      ),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/commands/**', 'src/cli/main.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(
        { regex: '(^|/)commands/', message: 'only main.ts (through commands/index.ts) imports commands: move what is shared out of the command.' },
      ),
    },
  },
);
