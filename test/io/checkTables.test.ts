/** Cross-file checks on hand-made rows (methodology §2 income, mortality, rates). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIncome } from '../../src/io/checks/income.js';
import { checkMortality } from '../../src/io/checks/mortality.js';
import { checkRates } from '../../src/io/checks/rates.js';
import type { SchemeFacts } from '../../src/io/schemeFacts.js';
import type { IncomeRow, MortalityRow, RatesRow } from '../../src/schema/tables.js';
import { placed } from '../support/diagnostics.js';

const facts: SchemeFacts = {
  ages: { min: 15, max: 30 },
  groups: new Map([['traders', 10], ['drivers', 0]]),
  retirementAge: { F: 25, M: 27 },
  pays: { disability: true, maternity: true, careCredits: false },
  totalization: false,
};
const none = new Set<string>();
const located = <T>(rows: T[]) => rows.map((row, index) => ({ line: index + 2, row }));

const seasons = Object.fromEntries(Array.from({ length: 12 }, (_, m) => [`season_${m + 1}`, 1]));
const income = (group: string, sex: IncomeRow['sex'], age_from: number, age_to: number) =>
  ({ group, sex, age_from, age_to, mean_monthly_income: 100, cv: 1, zero_month_prob: 0, ...seasons }) as IncomeRow;
const rate = (group: string, sex: RatesRow['sex'], age: number, entrant_share: number) =>
  ({ group, sex, age, disability: 0, lapse: 0, reentry: 0, fertility: 0, entrant_share, emigration: 0 });

/** Splits [from, to] into consecutive row ranges at the given cut points. */
function split(from: number, to: number, cuts: number[]): [number, number][] {
  const points = [...new Set(cuts.filter((cut) => cut > from && cut <= to))].sort((a, b) => a - b);
  const starts = [from, ...points];
  return starts.map((start, index) => [start, (starts[index + 1] ?? to + 1) - 1]);
}

describe('income coverage', () => {
  it('accepts any split of each (group, sex) age span into rows, in any order (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 15, max: 27 })), fc.array(fc.integer({ min: 15, max: 27 })), fc.array(fc.nat()),
      (cutsF, cutsM, order) => {
        const rows = ['traders', 'drivers'].flatMap((group) => [
          ...split(15, 24, cutsF).map(([from, to]) => income(group, 'F', from, to)),
          ...split(15, 26, cutsM).map(([from, to]) => income(group, 'M', from, to)),
        ]);
        const shuffled = rows.map((row, index) => ({ row, key: order[index] ?? 0 })).sort((a, b) => a.key - b.key).map(({ row }) => row);
        expect(checkIncome({ file: 'income.csv', rows: located(shuffled), complete: true }, facts, none)).toEqual([]);
      },
    ));
  });

  it('names the ages a removed row leaves uncovered (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 15, max: 24 }), { minLength: 1 }), fc.nat(), (cuts, pick) => {
      const spans = split(15, 24, cuts);
      const [from, to] = spans[pick % spans.length]!;
      const rows = [
        ...spans.filter(([start]) => start !== from).map(([start, end]) => income('traders', 'F', start, end)),
        income('traders', 'M', 15, 26), income('drivers', '*', 15, 26),
      ];
      const ages = from === to ? `age ${from} is` : `ages ${from}-${to} are`;
      expect(placed(checkIncome({ file: 'income.csv', rows: located(rows), complete: true }, facts, none)))
        .toEqual([`income.csv: group "traders" sex F ${ages} not covered by any row`]);
    }));
  });

  it('lets a * row cover both sexes, each up to its own retirement age', () => {
    const rows = [income('traders', '*', 15, 26), income('drivers', '*', 15, 26)];
    expect(checkIncome({ file: 'income.csv', rows: located(rows), complete: true }, facts, none)).toEqual([]);
  });

  it('stays quiet about gaps when some rows could not be read', () => {
    const rows = [income('traders', '*', 15, 20), income('drivers', '*', 15, 26)];
    expect(checkIncome({ file: 'income.csv', rows: located(rows), complete: false }, facts, none)).toEqual([]);
  });
});

describe('mortality coverage', () => {
  // A full adult age range, so that a plausible table exists: q = 0.02 a year gives about 50 more years at 15.
  const adult: SchemeFacts = { ...facts, ages: { min: 15, max: 110 } };
  const mortality = (sex: MortalityRow['sex'], age: number, qx = 0.02): MortalityRow => ({ sex, age, qx: age === 110 ? 1 : qx, improvement: 0 });
  const ages = Array.from({ length: 96 }, (_, index) => 15 + index);

  it('counts a * row for both sexes and ignores rows outside [min_age, max_age]', () => {
    const rows = [mortality('*', 10), ...ages.map((age) => mortality('*', age)), mortality('F', 111)];
    expect(checkMortality({ file: 'm.csv', rows: located(rows), complete: true }, adult)).toEqual([]);
  });

  it('reports an age given twice for a sex, counting a * row for both', () => {
    const rows = [...ages.map((age) => mortality('*', age)), mortality('M', 40)];
    expect(placed(checkMortality({ file: 'm.csv', rows: located(rows), complete: true }, adult)))
      .toEqual(['m.csv:98: sex M age 40 is already given on line 27: give each sex and age once (a * row counts for both sexes)']);
  });

  it('warns when the expected age at death from min_age is implausible, per sex', () => {
    // q = 0.5 a year: a person of 15 lives 1 whole year on average (curtate), 1.5 complete.
    const rows = [...ages.map((age) => mortality('F', age, 0.5)), ...ages.map((age) => mortality('M', age))];
    const found = placed(checkMortality({ file: 'm.csv', rows: located(rows), complete: true }, adult));
    expect(found).toEqual(['m.csv: sex F: a person alive at min_age 15 dies on average at age 16.5 by this table, outside [40, 95]: check that qx is a yearly probability (not per 1000) for the right ages']);
  });
});

describe('rates', () => {
  const ratesOf = (rows: RatesRow[]) => placed(checkRates({ file: 'rates.csv', rows: located(rows), complete: true }, facts, none));

  it.each([
    ['one named row per sex', [rate('traders', 'F', 20, 0.5), rate('traders', 'M', 20, 0.5)]],
    ['a * sex row, which counts for each sex', [rate('traders', '*', 20, 0.5)]],
    ['* group rows', [rate('*', 'F', 20, 0.25), rate('*', 'M', 20, 0.75)]],
    ['named rows replacing the * rows of the same (sex, age)', [rate('*', 'F', 20, 0.3), rate('*', 'M', 20, 0.3), rate('traders', 'F', 20, 0.5), rate('traders', 'M', 20, 0.5)]],
  ])('sums entrant_share to 1 with %s', (_, rows) => {
    expect(ratesOf(rows as RatesRow[])).toEqual([]);
  });

  it('reports a sum other than 1 for a group with entrants only', () => {
    expect(ratesOf([rate('traders', 'F', 20, 0.5)])).toEqual([
      'rates.csv: entrant_share of group "traders" sums to 0.5 over sex and age but must sum to 1: the group has entrants.count 10',
    ]);
  });

  it('reports entrant_share at or above the retirement age of the sexes a row applies to', () => {
    expect(ratesOf([rate('traders', '*', 24, 0.25), rate('traders', '*', 25, 0.25)])).toEqual([
      'rates.csv:3: entrant_share "0.25" at age 25 must be 0: entrants join below the retirement age (F 25)',
    ]);
  });

  it('lets rows of 0 lie outside [min_age, max_age]', () => {
    expect(ratesOf([rate('traders', '*', 20, 0.5), rate('*', '*', 12, 0)])).toEqual([]);
  });
});

describe('checkRates: the fertility column feeds maternity and care credits (§9, §12)', () => {
  const withFertility = [{ ...rate('traders', 'F', 20, 0.5), fertility: 0.1 }, rate('traders', 'M', 20, 0.5)];
  const check = (pays: { maternity: boolean; careCredits: boolean }) =>
    placed(checkRates({ file: 'rates.csv', rows: located(withFertility), complete: true }, { ...facts, pays: { disability: true, ...pays } }, none));
  it.each([
    ['maternity only', { maternity: true, careCredits: false }],
    ['care credits only', { maternity: false, careCredits: true }],
  ])('is used, without a warning, with %s', (_, pays) => {
    expect(check(pays)).toEqual([]);
  });
  it('is unused, and said so, with neither', () => {
    expect(check({ maternity: false, careCredits: false })).toEqual([
      'rates.csv:2: fertility "0.1" is not 0 but the scheme pays no maternity benefit and no care credits (no benefits.maternity or benefits.care_credits): the column is unused',
    ]);
  });
});
