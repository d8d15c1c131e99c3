#!/usr/bin/env node
// The command is a thin shim over the bundled CLI: main() returns an exit code
// and we set process.exitCode rather than calling process.exit(), which can
// truncate piped stdout.
import { loadBundle } from './loadBundle.mjs';

// A reader that closes the pipe early (`sipro ... | head`) wants no more
// output: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { main, nodeIo } = loadBundle().exports;
process.exitCode = await main(process.argv.slice(2), nodeIo());
