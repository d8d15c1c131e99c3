/**
 * zod compiles a fast path for each object schema with `new Function` the
 * first time it parses one. For sipro's schemas it does not pay: the demo's
 * scheme.yaml validates in ~4 ms cold without it against ~10 ms with it, and
 * in 46 against 52 µs warm (a sweep's scenarios), and the compiled code
 * is made afresh in every process, where the rest of zod comes from the
 * CLI's code cache (bench/RESULTS.md). zod reads the setting when a schema
 * is built, so each entry of the CLI's processes imports this module first.
 * The library (src/index.ts) leaves zod's settings to its user.
 */
import { z } from 'zod';

z.config({ jitless: true });
