import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    // The core is pure: plain data in, plain data out. It may import types
    // from the schema, never zod itself, Node, or anything that prints.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^node:', message: 'src/core is pure: no Node built-ins.' },
          { regex: '^(fs|path|os|child_process|process)$', message: 'src/core is pure: no I/O.' },
          { regex: '^(zod|chalk|cli-table3|csv-parse|csv-stringify|yaml|commander)', message: 'src/core is pure: parsing and rendering live in src/io and src/cli.' },
          { regex: '\\.\\./(io|cli)/', message: 'src/core must not depend on the shell.' },
          { regex: '\\.\\./schema/', allowTypeImports: true, message: 'src/core may import schema types only (import type).' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'console', 'Date'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'src/core has no unseeded randomness.' }],
    },
  },
);
