// Loads the bundled CLI (dist/bundle/main.cjs) with its V8 code cache, so
// that V8 need not parse and compile the whole bundle at every start. The
// cache is only a head start: if it is missing, or was made by another
// Node, V8 says so (cachedDataRejected) and compiles the bundle as usual.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'bundle', 'main.cjs');

/** The bundle's exports (main, nodeIo) and its compiled script (for making the cache). */
function loadBundle({ useCache = true } = {}) {
  const cacheFile = `${file}.cache`;
  const cachedData = useCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // The CommonJS wrapper, as Node's own loader builds it, and __siproImport:
  // on Node 20 a script compiled from a code cache cannot run import()
  // (src/io/importOnDemand.ts), so the bundle imports through this module.
  // The bundle is ASCII (test/e2e/bundle.test.ts): read as latin1 it is the
  // same string, without UTF-8's checks (~1 ms of every start).
  const source = `(function (exports, require, module, __filename, __dirname, __siproImport) {${readFileSync(file, 'latin1')}\n})`;
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
  });
  const bundleModule = { exports: {} };
  script.runInThisContext()(bundleModule.exports, createRequire(file), bundleModule, file, dirname(file), (specifier) => import(specifier));
  return { exports: bundleModule.exports, script };
}

module.exports = { loadBundle };
