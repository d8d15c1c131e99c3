// Bundles the CLI into dist/bundle/*.mjs. One file loads in ~0.1 s where
// hundreds of ESM modules (zod's, mostly) took ~0.25 s: start-up is most of
// a demo projection's time. The library build (dist/src, with types) is tsc's.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';

const entryPoints = ['src/cli/main.ts', 'src/cli/sweep/worker.ts'].filter((entry) => existsSync(entry));
await build({
  entryPoints,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist/bundle',
  entryNames: '[name]',
  outExtension: { '.js': '.mjs' },
  sourcemap: true,
  // Less source to parse at every start; identifiers stay, so stack traces in bug reports stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // Heavy libraries only `sipro report` and `--xlsx` use: left out of the
  // bundle (start-up stays fast) and loaded from node_modules by a dynamic
  // import() when needed. vega also uses top-level await, which a CJS bundle
  // could not hold.
  external: ['vega', 'vega-lite', 'exceljs'],
  // CommonJS dependencies (cli-table3) call require() for Node built-ins.
  banner: { js: "import { createRequire as __siproCreateRequire } from 'node:module'; const require = __siproCreateRequire(import.meta.url);" },
});

// The JSON Schema of scheme.yaml as a file, for editors: `sipro init` points
// scheme.yaml's language server line at it (SCHEMA_FILE in src/cli/commands/init.ts).
// It is `sipro schema`'s, declared draft-07: the YAML language server (VS Code's
// YAML extension) validates with draft-07, and the schema uses no keyword on
// which draft-07 and 2020-12 differ (test/e2e/pack.test.ts checks both).
const { schemeJsonSchema } = await import('./dist/src/cli/commands/schema.js');
const editorSchema = { ...schemeJsonSchema(), $schema: 'http://json-schema.org/draft-07/schema#' };
await writeFile('dist/scheme.schema.json', `${JSON.stringify(editorSchema, null, 2)}\n`);
