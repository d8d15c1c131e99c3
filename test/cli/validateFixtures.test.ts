/**
 * One broken scheme per fault (STYLE.md: "one invalid fixture per error,
 * asserting the message"). Each fixtures/invalid/<fault>/ holds only the
 * files that differ from fixtures/minimal, and expected.txt: lines that
 * stderr must contain, file and line number included. fixtures/suspicious/
 * works the same way for warnings, which pass unless --strict.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, minimalWith, runSipro } from './helpers.js';

function casesIn(kind: string): { name: string; folder: string; expected: string[] }[] {
  const folders = readdirSync(fixture(kind), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return folders.map((entry) => entry.name).sort().map((name) => {
    const folder = fixture(kind, name);
    const expected = readFileSync(join(folder, 'expected.txt'), 'utf8').split('\n').filter((line) => line.trim() !== '');
    return { name, folder, expected };
  });
}

async function validateCase(folder: string, extra: string[] = []) {
  const scheme = await minimalWith(folder);
  await rm(join(scheme, 'expected.txt'));
  try {
    return await runSipro(['validate', scheme, ...extra]);
  } finally {
    await rm(scheme, { recursive: true, force: true });
  }
}

describe('fixtures/minimal', () => {
  it('is valid, without warnings even under --strict', async () => {
    const result = await runSipro(['validate', fixture('minimal'), '--strict']);
    expect(result.stderr).toMatch(/is valid: "Minimal test scheme", 2 groups/);
    expect(result.stderr).not.toMatch(/warning/);
    expect(result.code).toBe(0);
  });
});

describe('fixtures/invalid: one fault each', () => {
  const cases = casesIn('invalid');
  it('covers at least 25 faults across all five files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const files = new Set(cases.flatMap(({ expected }) => expected.map((line) => line.split(':')[0])));
    for (const file of ['scheme.yaml', 'population.csv', 'income.csv', 'mortality.csv', 'rates.csv']) expect(files).toContain(file);
  });
  it.each(cases)('$name', async ({ folder, expected }) => {
    const result = await validateCase(folder);
    for (const line of expected) expect(result.stderr).toContain(line);
    // one fault, one message: nothing else is reported as an error
    const reported = result.stderr.split('\n').filter((line) => /^[^ ]+: (?!warning:)/.test(line) && !/ errors?, \d+ warnings? in /.test(line));
    expect(reported).toHaveLength(expected.length);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
  });
});

describe('fixtures/suspicious: warnings pass, but not under --strict', () => {
  it.each(casesIn('suspicious'))('$name', async ({ folder, expected }) => {
    const relaxed = await validateCase(folder);
    for (const line of expected) expect(relaxed.stderr).toContain(line);
    expect(relaxed.stderr).toContain(`0 errors, ${expected.length} warning`);
    expect(relaxed.code).toBe(0);
    const strict = await validateCase(folder, ['--strict']);
    expect(strict.code).toBe(3);
  });
});
