#!/usr/bin/env node
// The command is a thin shim over the bundled CLI: main() returns an exit code
// and we set process.exitCode rather than calling process.exit(), which can
// truncate piped stdout. CommonJS (bin/package.json), not ESM: Node then
// starts without its ESM loader, ~3 ms of every run (bench/RESULTS.md).
'use strict';
const { loadBundle } = require('./loadBundle.cjs');

// A reader that closes the pipe early (`sipro ... | head`) wants no more
// output: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { main, nodeIo } = loadBundle().exports;
main(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
