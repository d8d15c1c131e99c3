/**
 * `sipro validate` as a real process: a few spawns proving the built command
 * keeps its exit codes and streams. The messages themselves are specified
 * in-process (test/cli/validate*.test.ts).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, spawnSipro } from './spawn.js';

const SPAWN_TIMEOUT = 30_000;
let scratch: string;
let broken: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sipro-e2e-'));
  // A copy of fixtures/minimal with one bad cell: line 3 of population.csv is `traders,M,45,inactive,40,…`.
  broken = join(scratch, 'broken');
  await cp(fixture('minimal'), broken, { recursive: true });
  const population = await readFile(join(broken, 'population.csv'), 'utf8');
  expect(population).toContain('traders,M,45,inactive,40,');
  await writeFile(join(broken, 'population.csv'), population.replace('traders,M,45,inactive,40,', 'traders,M,45,inactive,-4,'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('sipro validate (spawned)', () => {
  it('exits 0 on the demo scheme, stdout empty, the confirmation on stderr, and writes nothing', async () => {
    const run = await spawnSipro(['validate', fixture('demo')], { cwd: scratch });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/ is valid: "Demo voluntary scheme/);
    expect(run.stderr).not.toContain('\u001b[');
  }, SPAWN_TIMEOUT);

  it('exits 3 on a broken copy, naming file:line and the value on stderr', async () => {
    const run = await spawnSipro(['validate', broken], { cwd: scratch, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^population\.csv:3: count "-4" must be a number >= 0$/m);
  }, SPAWN_TIMEOUT);

  it('--json: stdout is one JSON document {valid, errors, warnings, diagnostics}, stderr empty', async () => {
    const run = await spawnSipro(['validate', broken, '--json'], { cwd: scratch });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      errors: 1,
      warnings: 0,
      diagnostics: [{ severity: 'error', file: 'population.csv', line: 3, path: 'count', message: 'count "-4" must be a number >= 0' }],
    });
  }, SPAWN_TIMEOUT);
});
