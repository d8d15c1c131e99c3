#!/usr/bin/env node
// The command is a thin shim over the built CLI: main() returns an exit code
// and we set process.exitCode rather than calling process.exit(), which can
// truncate piped stdout.
import { main, nodeIo } from '../dist/bundle/main.mjs';

process.exitCode = await main(process.argv.slice(2), nodeIo());
