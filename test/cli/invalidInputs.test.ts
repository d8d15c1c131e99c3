/**
 * Invalid inputs under --json and --strict: every command that projects
 * prints the diagnostics as `validate --json` does (on stdout, exit 3, and
 * nothing on stderr) when asked for JSON, and a run failed only by warnings
 * under --strict says that --strict is why.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalWith, runSipro, scratchFolder } from './helpers.js';

/** fixtures/minimal with contributions.rate 1.1 (an error) or 0.6 (a warning). */
async function minimalWithRate(rate: string): Promise<string> {
  const folder = await minimalWith();
  const path = join(folder, 'scheme.yaml');
  await writeFile(path, (await readFile(path, 'utf8')).replace(/^ {2}rate: 0\.1$/m, `  rate: ${rate}`));
  return folder;
}

const RATE_ERROR = { severity: 'error', file: 'scheme.yaml', line: 12, path: 'contributions.rate', message: 'contributions.rate "1.1" must be a number <= 1' };

describe('--json on invalid inputs', () => {
  it.each([
    ['project', ['--out', 'OUT']],
    ['sweep', ['--grid', 'groups.traders.compliance=0.5,0.6', '--jobs', '1', '--out', 'OUT']],
    ['sensitivity', ['--jobs', '1', '--out', 'OUT']],
    ['subsidy', []],
  ])('%s prints {valid, errors, warnings, diagnostics} on stdout, exit 3, as validate --json does', async (command, extra) => {
    const folder = await minimalWithRate('1.1');
    const out = join(await scratchFolder(), 'out');
    const result = await runSipro([command, folder, ...extra.map((argument) => (argument === 'OUT' ? out : argument)), '--json']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ valid: false, errors: 1, warnings: 0, diagnostics: [RATE_ERROR] });
    const validate = await runSipro(['validate', folder, '--json']);
    expect(result.stdout).toBe(validate.stdout);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('sweep prints an invalid scenarios file the same way', async () => {
    const folder = await minimalWith();
    await writeFile(join(folder, 'scenarios.csv'), 'scenario,contributions.rate\nlow,0.05\nlow,0.06\n');
    const result = await runSipro(['sweep', folder, '--scenarios', join(folder, 'scenarios.csv'), '--json', '--jobs', '1', '--out', join(folder, 'out')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: false, errors: 1, warnings: 0 });
  });
});

describe('--strict', () => {
  const note = 'sipro: --strict makes the warning above fail the run (exit 3); without --strict it is only listed\n';

  it('project says that --strict made the warning fail the run', async () => {
    const folder = await minimalWithRate('0.6');
    const strict = await runSipro(['project', folder, '--strict', '--out', join(folder, 'out')]);
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain('warning: contributions.rate "0.6" is above 0.5');
    expect(strict.stderr.endsWith(`0 errors, 1 warning\n${note}`)).toBe(true);
    const relaxed = await runSipro(['project', folder, '--quiet', '--out', join(folder, 'out')]);
    expect(relaxed.code).toBe(0);
  });

  it('validate says so too, and says nothing of --strict when there are errors', async () => {
    const warned = await runSipro(['validate', await minimalWithRate('0.6'), '--strict']);
    expect(warned.code).toBe(3);
    expect(warned.stderr.endsWith(note)).toBe(true);
    const failed = await runSipro(['validate', await minimalWithRate('1.1'), '--strict']);
    expect(failed.code).toBe(3);
    expect(failed.stderr).not.toContain('--strict');
  });
});
