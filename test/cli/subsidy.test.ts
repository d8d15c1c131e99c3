/**
 * `sipro subsidy` in-process (methodology §8): exit codes, stdout/stderr
 * separation, the ranking of (group, sex) rows by net transfer, the --json
 * shape, colour only when allowed, and no files written.
 */
import { readdir, rm } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectEntrants } from '../../src/core/entrants.js';
import { buildModel } from '../../src/core/model.js';
import { projectScheme } from '../../src/core/project.js';
import type { EntrantRow, ProjectionResult, SubsidyRow } from '../../src/core/types.js';
import { loadScheme } from '../../src/io/loadScheme.js';
import { fixture, minimalWith, runSipro, scratchFolder } from './helpers.js';

const ESC = '\u001b';
const scratch: string[] = [];
afterEach(async () => {
  for (const folder of scratch.splice(0)) await rm(folder, { recursive: true, force: true });
});

let result: ProjectionResult;
let entrants: EntrantRow[];
beforeAll(async () => {
  const { data } = await loadScheme(fixture('minimal'));
  result = projectScheme(data!);
  entrants = projectEntrants(buildModel(data!));
});

/** `group sex` of projectScheme()'s subsidy rows, from the largest net payer (most negative net_transfer) to the largest net receiver. */
const expectedRanking = () => [...result.subsidy].sort((a, b) => a.net_transfer - b.net_transfer).map((row) => `${row.group} ${row.sex}`);

describe('sipro subsidy', () => {
  it('exits 0 and prints the (group, sex) table ranked by net transfer, money\'s worth by entry age and the matching share', async () => {
    const { code, stdout, stderr } = await runSipro(['subsidy', 'fixtures/minimal']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // Rank rows of table (a) read "│ 1 │ drivers │ M │ …": the order is projectScheme()'s net_transfer order.
    const ranked = stdout.split('\n').map((line) => /^│\s+(\d+) │ (\S+)\s+│ ([FM])\s+│/u.exec(line)).filter((match) => match !== null);
    expect(ranked.map((match) => Number(match[1]))).toEqual([1, 2, 3, 4]);
    expect(ranked.map((match) => `${match[2]} ${match[3]}`)).toEqual(expectedRanking());
    // Every (group, sex) with a net_transfer > 0 is labelled a receiver, the others payers.
    for (const row of result.subsidy) {
      const line = stdout.split('\n').find((text) => new RegExp(`^│\\s+\\d+ │ ${row.group}\\s+│ ${row.sex} `, 'u').test(text))!;
      expect(line).toContain(row.net_transfer > 0 ? 'net receiver' : 'net payer');
    }
    // (b) one line per group and sex with entrants.csv's money's worth, two decimals, by entry age.
    const traders = stdout.split('\n').find((line) => /^│ traders\s+│ F /u.test(line))!;
    const worths = entrants.filter((row) => row.group === 'traders' && row.sex === 'F').map((row) => row.money_worth!.toFixed(2));
    expect(traders.split('│').slice(3, -1).map((cell) => cell.trim())).toEqual(worths);
    // (c) PV(matching) / PV(benefits), scheme-wide.
    const share = result.subsidy.reduce((sum, row) => sum + row.pv_matching, 0) / result.subsidy.reduce((sum, row) => sum + row.pv_benefits, 0);
    expect(stdout).toMatch(new RegExp(`\\n  scheme\\s+${(share * 100).toFixed(1)} %\\n`, 'u'));
  });

  it('prints the same text on every run', async () => {
    const first = await runSipro(['subsidy', 'fixtures/minimal']);
    const second = await runSipro(['subsidy', 'fixtures/minimal']);
    expect(second.stdout).toBe(first.stdout);
  });

  it('--json prints {subsidy, entrants, matching_share}: ranked subsidy rows, entrants.csv rows, shares by group', async () => {
    const { code, stdout, stderr } = await runSipro(['subsidy', 'fixtures/minimal', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as {
      subsidy: SubsidyRow[];
      entrants: EntrantRow[];
      matching_share: { scheme: Record<string, unknown>; groups: Record<string, unknown>[] };
    };
    expect(Object.keys(json)).toEqual(['subsidy', 'entrants', 'matching_share']);
    // JSON round-trips doubles exactly: the rows are projectScheme()'s, in ranking order, with subsidy.csv's columns.
    expect(json.subsidy.map((row) => `${row.group} ${row.sex}`)).toEqual(expectedRanking());
    expect([...json.subsidy].sort((a, b) => `${a.group}${a.sex}`.localeCompare(`${b.group}${b.sex}`)))
      .toEqual([...result.subsidy].sort((a, b) => `${a.group}${a.sex}`.localeCompare(`${b.group}${b.sex}`)));
    expect(json.entrants).toEqual(entrants);
    const shareOf = (rows: readonly SubsidyRow[]) => {
      const matching = rows.reduce((sum, row) => sum + row.pv_matching, 0);
      const benefits = rows.reduce((sum, row) => sum + row.pv_benefits, 0);
      return { pv_matching: matching, pv_benefits: benefits, share: benefits === 0 ? null : matching / benefits };
    };
    expect(json.matching_share.scheme).toEqual(shareOf(result.subsidy));
    expect(json.matching_share.groups).toEqual(['traders', 'drivers'].map((group) => ({
      group, ...shareOf(result.subsidy.filter((row) => row.group === group)),
    })));
  });

  it('colours receivers on a terminal, and writes no escape code with NO_COLOR=1', async () => {
    const coloured = await runSipro(['subsidy', 'fixtures/minimal'], { tty: true });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain(`${ESC}[33mnet receiver`);
    const plain = await runSipro(['subsidy', 'fixtures/minimal'], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stderr).not.toContain(ESC);
    const piped = await runSipro(['subsidy', 'fixtures/minimal']);
    expect(piped.stdout).not.toContain(ESC);
  });

  it('writes no files', async () => {
    const folder = await scratchFolder();
    scratch.push(folder);
    const { code } = await runSipro(['subsidy', fixture('minimal')], { cwd: folder });
    expect(code).toBe(0);
    expect(await readdir(folder)).toEqual([]);
  });

  it('exits 3 on invalid inputs, with the diagnostics on stderr and nothing on stdout', async () => {
    const folder = await minimalWith(fixture('invalid', 'population-negative-count'));
    scratch.push(folder);
    const { code, stdout, stderr } = await runSipro(['subsidy', folder]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain('population.csv:2: count "-3" must be a number >= 0');
    const missing = await runSipro(['subsidy', 'fixtures/no-such-scheme']);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toBe('');
  });

  it('prints warnings on stderr and goes on; exits 3 on them with --strict', async () => {
    const folder = await minimalWith(fixture('suspicious', 'contribution-rate-above-half'));
    scratch.push(folder);
    const relaxed = await runSipro(['subsidy', folder, '--json']);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stderr).toContain('warning: contributions.rate "0.6" is above 0.5');
    expect(() => JSON.parse(relaxed.stdout)).not.toThrow();
    const strict = await runSipro(['subsidy', folder, '--strict']);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe('');
  });

  it('exits 2 on a usage error', async () => {
    const noFolder = await runSipro(['subsidy']);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stdout).toBe('');
    expect(noFolder.stderr).toContain('missing required argument');
    const unknown = await runSipro(['subsidy', 'fixtures/minimal', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
  });

  it('--help shows an example, and sipro --help lists the command', async () => {
    const help = await runSipro(['subsidy', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('$ sipro subsidy fixtures/demo');
    const top = await runSipro(['--help']);
    expect(top.stdout).toMatch(/\n {2}subsidy \[options\] <scheme>/u);
  });
});
