/** `sipro validate` in-process: exit codes, stream separation, --json, colour. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, minimalWith, runSipro } from './helpers.js';

const scratch: string[] = [];
afterEach(async () => {
  for (const folder of scratch.splice(0)) await rm(folder, { recursive: true, force: true });
});
/** A scratch copy of fixtures/minimal with text replacements in its files. */
async function minimalEdited(edits: [file: string, from: string, to: string][]): Promise<string> {
  const folder = await minimalWith();
  scratch.push(folder);
  for (const [file, from, to] of edits) {
    const text = await readFile(join(folder, file), 'utf8');
    expect(text).toContain(from);
    await writeFile(join(folder, file), text.replace(from, to));
  }
  return folder;
}
const ESC = '\u001b';

describe('sipro validate', () => {
  it('exits 0 on a valid scheme, confirms on stderr and keeps stdout empty', async () => {
    const result = await runSipro(['validate', 'fixtures/minimal']);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: 'fixtures/minimal is valid: "Minimal test scheme", 2 groups, 6 population, 5 income, 96 mortality and 7 rates rows\n',
    });
  });

  it('checks the scheme as --set leaves it, as project --set reads it: 0 when valid, 3 naming --set and the field, 2 for a malformed --set', async () => {
    expect((await runSipro(['validate', 'fixtures/minimal', '--set', 'contributions.rate=0.3'])).code).toBe(0);
    const refused = await runSipro(['validate', 'fixtures/minimal', '--set', 'contributions.rate=-1', '--set', 'contributions.rat=0.1', '--json']);
    expect(refused.code).toBe(3);
    const report = JSON.parse(refused.stdout) as { valid: boolean; errors: number; diagnostics: { file: string; message: string }[] };
    expect(report).toMatchObject({ valid: false, errors: 2 });
    expect(report.diagnostics.map((diagnostic) => `${diagnostic.file}: ${diagnostic.message}`)).toEqual([
      '--set: unknown field "contributions.rat"; did you mean "rate"?',
      '--set: contributions.rate "-1" must be a number >= 0',
    ]);
    const malformed = await runSipro(['validate', 'fixtures/minimal', '--set', 'contributions.rate']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--set "contributions.rate": expected path=value');
  });

  it('resolves a relative path against the working directory', async () => {
    const result = await runSipro(['validate', 'minimal/scheme.yaml'], { cwd: fixture() });
    expect(result.code).toBe(0);
  });

  it('exits 3 with every problem grouped by file, then a count line', async () => {
    const folder = await minimalEdited([
      ['income.csv', 'drivers,F,15,59', 'drivers,F,15,54'],
      ['population.csv', 'traders,F,30,active,120', 'traders,F,30,active,-3'],
      ['population.csv', 'traders,M,45,inactive,40', 'traders,M,45,inactive,-4'],
      ['scheme.yaml', 'rate: 0.1', 'rate: 0.6'],
    ]);
    const result = await runSipro(['validate', folder]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe([
      'scheme.yaml:12: warning: contributions.rate "0.6" is above 0.5: more than half of declared income goes to contributions',
      '',
      'population.csv:2: count "-3" must be a number >= 0',
      'population.csv:3: count "-4" must be a number >= 0',
      '',
      'income.csv: group "drivers" sex F ages 55-59 are not covered by any row',
      '',
      `3 errors, 1 warning in ${folder}`,
      '',
    ].join('\n'));
  });

  it('passes with warnings, and fails on them with --strict', async () => {
    const folder = await minimalEdited([['scheme.yaml', 'rate: 0.1', 'rate: 0.6']]);
    const relaxed = await runSipro(['validate', folder]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stderr).toContain(`0 errors, 1 warning in ${folder}\n${folder} is valid`);
    const strict = await runSipro(['validate', folder, '--strict']);
    expect(strict.code).toBe(3);
    expect(strict.stderr).not.toContain('is valid');
  });

  it('--json prints {valid, errors, warnings, diagnostics} on stdout and nothing on stderr', async () => {
    const folder = await minimalEdited([['population.csv', 'traders,F,30,active,120', 'traders,F,30,active,-3'], ['scheme.yaml', 'rate: 0.1', 'rate: 0.6']]);
    const result = await runSipro(['validate', folder, '--json']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      valid: false,
      errors: 1,
      warnings: 1,
      diagnostics: [
        { severity: 'warning', file: 'scheme.yaml', line: 12, path: 'contributions.rate', message: 'contributions.rate "0.6" is above 0.5: more than half of declared income goes to contributions' },
        { severity: 'error', file: 'population.csv', line: 2, path: 'count', message: 'count "-3" must be a number >= 0' },
      ],
    });
    const valid = await runSipro(['validate', 'fixtures/minimal', '--json']);
    expect(JSON.parse(valid.stdout)).toEqual({ valid: true, errors: 0, warnings: 0, diagnostics: [] });
    expect(valid.code).toBe(0);
  });

  it('--json with --strict reports a scheme with warnings as not valid', async () => {
    const folder = await minimalEdited([['scheme.yaml', 'rate: 0.1', 'rate: 0.6']]);
    const result = await runSipro(['validate', folder, '--json', '--strict']);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: false, errors: 0, warnings: 1 });
    expect(result.code).toBe(3);
  });

  it('exits 3 and names a scheme folder that does not exist', async () => {
    const result = await runSipro(['validate', 'fixtures/nope']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${fixture('nope')}: no such folder or file`);
  });

  it('exits 2 on a missing argument or an unknown option', async () => {
    const missing = await runSipro(['validate']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument 'scheme'/);
    const unknown = await runSipro(['validate', 'fixtures/minimal', '--strcit']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--strcit'/);
    expect(unknown.stdout).toBe('');
  });

  describe('colour', () => {
    const invalid = () => minimalEdited([['population.csv', 'traders,F,30,active,120', 'traders,F,30,active,-3']]);

    it('colours diagnostics on a terminal', async () => {
      const result = await runSipro(['validate', await invalid()], { tty: true });
      expect(result.stderr).toContain(ESC);
    });

    it('writes no escape codes with NO_COLOR=1, even on a terminal', async () => {
      const result = await runSipro(['validate', await invalid()], { tty: true, env: { NO_COLOR: '1' } });
      expect(result.stderr).toContain('population.csv:2: count "-3" must be a number >= 0');
      expect(result.stderr).not.toContain(ESC);
    });

    it('writes no escape codes when stderr is not a terminal', async () => {
      const result = await runSipro(['validate', await invalid()]);
      expect(result.stderr).not.toContain(ESC);
    });
  });

  it('--help of sipro and of validate shows an example', async () => {
    const top = await runSipro(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('$ sipro validate my-scheme');
    const validate = await runSipro(['validate', '--help']);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('$ sipro validate fixtures/demo');
  });
});
