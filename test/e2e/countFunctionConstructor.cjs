// Preloaded by bundle.test.ts (node --require): counts the functions a run
// compiles from text with `Function` (as zod's fast path does), and says
// how many on stderr at exit.
'use strict';
const RealFunction = Function;
let count = 0;
globalThis.Function = new Proxy(RealFunction, {
  construct(target, args) { count += 1; return Reflect.construct(target, args); },
  apply(target, self, args) { count += 1; return Reflect.apply(target, self, args); },
});
process.on('exit', () => { process.stderr.write(`Function constructed ${count} times\n`); });
