import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/support/fastCheckSeed.ts'],
    // Many tests spawn the built CLI, several processes each: ~1 s on a quiet
    // machine, and 5 to 10 times that on this shared 2-core VM under load,
    // past vitest's 5 s default (merge.test.ts timed out so). A timeout
    // catches a hang, not slowness: speed is the benchmarks' business.
    testTimeout: 30_000,
  },
});
