/**
 * fixtures/demo/README.md quotes what the demo's inputs give: the density and
 * contributions of a member aged 30 (§3) and the life table's expectations
 * of life, now and improved to 2050 and 2099. Each figure is checked here
 * against sipro's own computation, rounded as the README rounds it, so that
 * a change to the demo's files that moves them fails until the text follows.
 * (test/fixtures/demo.test.ts checks the files themselves, e̊15 and e̊60
 * among them, against figures written in the test.)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slotIndex, rowIndex } from '../../src/core/layout.js';
import { buildModel } from '../../src/core/model.js';
import { fillMemberYears, memberYearCache, memberYearTable } from '../../src/core/memberYears.js';
import { deterministicScenario } from '../../src/core/scenario.js';
import { timelineOf } from '../../src/core/timeline.js';
import { loadScheme } from '../../src/io/loadScheme.js';
import { REPO, spawnSipro } from '../e2e/spawn.js';

const DEMO = join(REPO, 'fixtures', 'demo');
const readme = await readFile(join(DEMO, 'README.md'), 'utf8');
/** The README's text with its line breaks as spaces, for phrases that wrap. */
const prose = readme.replace(/\s*\n\s*/g, ' ');
/** The README says `phrase`, word for word (a failure names the phrase, not the whole README). */
const says = (phrase: string) => expect(prose.includes(phrase), `fixtures/demo/README.md should say: ${phrase}`).toBe(true);

describe('fixtures/demo/README.md: the figures it quotes are the demo\'s', () => {
  it('a member aged 30 in 2025: densities 0.643 / 0.664, 0.768 / 0.801, 0.670, and 32,000–72,000 XOF of contributions', async () => {
    const { data } = await loadScheme(DEMO);
    const model = buildModel(data!);
    const table = memberYearTable(model.layout.groups * 2 * model.layout.ages);
    fillMemberYears(model, timelineOf(model, deterministicScenario(model)), 0, memberYearCache(model), table);
    const at30 = (group: string, sex: number) => slotIndex(model.layout, rowIndex(model.groups.findIndex((g) => g.name === group), sex), 30 - model.layout.minAge);
    const density = (group: string, sex: number) => table.density[at30(group, sex)]!.toFixed(3);
    const quoted = `(density ${density('market_traders', 0)} for women traders, ${density('market_traders', 1)} for men; `
      + `${density('artisans', 0)} and ${density('artisans', 1)} for artisans; ${density('moto_taxi_drivers', 0)} for drivers)`;
    says(quoted);
    expect(density('moto_taxi_drivers', 1)).toBe(density('moto_taxi_drivers', 0)); // the drivers' income row is for both sexes
    const slots = model.groups.flatMap((group) => [0, 1].map((sex) => at30(group.name, sex)));
    const contributions = slots.map((slot) => table.contributions[slot]!);
    const thousands = (value: number) => `${Math.round(value / 1000)},000`;
    says(`contributes ${thousands(Math.min(...contributions))}–${thousands(Math.max(...contributions))} XOF a year`);
    const months = slots.map((slot) => table.density[slot]!);
    says(`pays in ${Math.round(100 * Math.min(...months))}–${Math.round(100 * Math.max(...months))} % of the months`);
  });

  /** `sipro life-table fixtures/demo --sex S [--year Y] --json`: complete expectation of life and qx by age. */
  async function lifeTable(sex: 'F' | 'M', year?: number) {
    const run = await spawnSipro(['life-table', DEMO, '--sex', sex, '--json', ...(year === undefined ? [] : ['--year', String(year)])], { cwd: REPO });
    expect(run.code, run.stderr).toBe(0);
    const rows = (JSON.parse(run.stdout) as { rows: { age: number; qx: number; lx: number; ex_complete: number }[] }).rows;
    return (age: number) => rows.find((row) => row.age === age)!;
  }

  it('the base table: e̊15, e̊60, e̊65, 45q15 and q60 of each sex', async () => {
    for (const [sex, label] of [['F', 'women'], ['M', 'men']] as const) {
      const at = await lifeTable(sex);
      const cells = [
        `**${at(15).ex_complete.toFixed(1)}**`, `**${at(60).ex_complete.toFixed(1)}**`, /\d\.\d{4}/, /\d\.\d{4}/,
        at(65).ex_complete.toFixed(2), (1 - at(60).lx / at(15).lx).toFixed(3), at(60).qx.toFixed(4),
      ];
      const row = readme.split('\n').find((line) => line.startsWith(`| ${label} |`));
      expect(row, label).toBeDefined();
      const shown = row!.split('|').slice(2, -1).map((cell) => cell.trim());
      cells.forEach((cell, index) => (typeof cell === 'string' ? expect(shown[index], `${label} column ${index}`).toBe(cell) : expect(shown[index]).toMatch(cell)));
    }
  });

  it('improved: e̊15 and e̊60 of each sex in 2050 and 2099', async () => {
    const [f2050, m2050, f2099, m2099] = await Promise.all([lifeTable('F', 2050), lifeTable('M', 2050), lifeTable('F', 2099), lifeTable('M', 2099)]);
    const e = (table: typeof f2050, age: number) => table(age).ex_complete.toFixed(2);
    says(`e̊15 is ${e(f2050, 15)} (F) and ${e(m2050, 15)} (M) in 2050, ${e(f2099, 15)} and ${e(m2099, 15)} in 2099; `
      + `e̊60 is ${e(f2050, 60)} and ${e(m2050, 60)} in 2050, ${e(f2099, 60)} and ${e(m2099, 60)} in 2099`);
  });
});
