// Bundles the CLI into dist/bundle: main.cjs (the command line), worker.cjs
// (a sweep's worker threads) and simulateWorker.cjs (simulate's). One file
// loads in ~0.1 s where hundreds of ESM modules (zod's, mostly) took ~0.25 s:
// start-up is most of a demo projection's time. The library build
// (dist/src, with types) is tsc's.
//
// main.cjs is CommonJS so that bin/sipro.js can compile it with a V8 code
// cache (main.cjs.cache, written below after a warm-up run): V8 then skips
// parsing and compiling most of the bundle at every start (~40 ms a run,
// bench/RESULTS.md). A cache that the running Node does not accept is
// ignored and the bundle compiles as usual.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
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
};

const commonJs = {
  ...common,
  format: 'cjs',
  // The sources use import.meta.url to find the package (packageRoot.ts).
  define: { 'import.meta.url': '__siproModuleUrl' },
  banner: { js: "var __siproModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await build({ ...commonJs, entryPoints: ['src/cli/main.ts'], outfile: 'dist/bundle/main.cjs' });

// The worker threads' bundles are CommonJS too, for speed, not for a code
// cache: a simulate scenario took 13.04 ms of CPU in an ES-module worker and
// 12.61 ms in a CommonJS one, the difference in §3's JavaScript
// (bench/RESULTS.md). esbuild makes a bundle's top-level consts vars; in the
// ES module, keeping §3's coefficients const won back part of it (12.80 ms).
if (existsSync('src/cli/sweep/worker.ts')) {
  await build({ ...commonJs, entryPoints: ['src/cli/sweep/worker.ts'], outfile: 'dist/bundle/worker.cjs' });
}
// What a worker thread of `sipro simulate` runs: the core, paths.csv's lines
// and nothing of the command line.
await build({ ...commonJs, entryPoints: ['src/cli/simulate/simulateWorker.ts'], outfile: 'dist/bundle/simulateWorker.cjs' });

// The code cache: load the bundle as bin/sipro.js does, run what most
// commands run (validate and project the demo), then keep what V8 compiled.
const { loadBundle } = await import('./bin/loadBundle.cjs');
const bundle = loadBundle({ useCache: false });
const scratch = mkdtempSync(join(tmpdir(), 'sipro-build-'));
const quiet = { write: () => true };
const io = { stdout: quiet, stderr: quiet, stdoutIsTty: false, stderrIsTty: false, env: {}, cwd: process.cwd() };
try {
  for (const argv of [['validate', 'fixtures/demo'], ['project', 'fixtures/demo', '--out', join(scratch, 'demo'), '--quiet']]) {
    const code = await bundle.exports.main(argv, io);
    if (code !== 0) throw new Error(`warming the code cache: sipro ${argv.join(' ')} exited ${code}`);
  }
  await writeFile('dist/bundle/main.cjs.cache', bundle.script.createCachedData());
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// The JSON Schema of scheme.yaml as a file, for editors: `sipro init` points
// scheme.yaml's language server line at it (SCHEMA_FILE in src/cli/commands/init.ts).
// It is `sipro schema`'s, declared draft-07: the YAML language server (VS Code's
// YAML extension) validates with draft-07, and the schema uses no keyword on
// which draft-07 and 2020-12 differ (test/e2e/pack.test.ts checks both).
const { schemeJsonSchema } = await import('./dist/src/cli/commands/schema.js');
const editorSchema = { ...schemeJsonSchema(), $schema: 'http://json-schema.org/draft-07/schema#' };
await writeFile('dist/scheme.schema.json', `${JSON.stringify(editorSchema, null, 2)}\n`);
