/**
 * A run loads only the command it names (src/cli/commands/index.ts): a
 * command whose module cannot load breaks no other command, and running it
 * is an internal error with the "please report" message, not a crash.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { fixture, REPO } from './helpers.js';

/** main() of a fresh module graph in which the simulate command's module throws as it loads. */
async function mainWithBrokenSimulate() {
  vi.resetModules();
  vi.doMock('../../src/cli/commands/simulate.js', () => { throw new Error('injected failure loading simulate'); });
  return (await import('../../src/cli/main.js')).main;
}

async function run(main: Awaited<ReturnType<typeof mainWithBrokenSimulate>>, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => { stdout += text; return true; } },
    stderr: { write: (text: string) => { stderr += text; return true; } },
    stdoutIsTty: false, stderrIsTty: false, env: {}, cwd: REPO,
  };
  return { code: await main(argv, io), stdout, stderr };
}

describe('loading commands', () => {
  afterEach(() => {
    vi.doUnmock('../../src/cli/commands/simulate.js');
    vi.resetModules();
  });

  it('runs a command without loading the others', async () => {
    const result = await run(await mainWithBrokenSimulate(), ['validate', fixture('minimal')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('is valid');
  });

  it('reports a command that cannot load as an internal error, exit 1', async () => {
    const result = await run(await mainWithBrokenSimulate(), ['simulate', fixture('minimal')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sipro: internal error: this is a bug in sipro');
    // The loader's frame: the failure came up through commands/index.ts, and was caught.
    expect(result.stderr).toContain('commands/index.ts');
  });
});
