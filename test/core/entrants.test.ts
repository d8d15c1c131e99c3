/**
 * entrants.csv (methodology §8): one entrant per group, sex and entry age,
 * followed alone through the §4 year loop for 2 × (max_age − min_age) + 1
 * years, valued at t0 with the §7 weights, survivor pensions it causes
 * included, administration left out.
 *
 * The hand-worked cases use the tiny scheme of test/support/scheme.ts
 * stretched to ages 58–63 (retirement 60, vesting 0): the flat rule with
 * compliance 1, no zero months and no affordability test makes an active
 * member-year pay exactly C = 12 × 10 × J_t (§3), so an entrant's figures are
 * closed forms in its survival from the mortality table:
 *
 *   PV(contributions) = Σ_{working years} ₜp (1 − q/2) × C_t × D_t h_t
 *   PV(pensions)      = Σ_{t ≥ retirement} ₜp (1 − q/2) × 12 × amount × J_{t_r} × Π(1 + idx) × D_t h_t
 *
 * with ₜp the entrant's survival from entry (t0) to the start of year t. The
 * expected values below are that arithmetic, written out from the methodology; no
 * sipro function computes them. Tolerance: expectFields' 1e-12 relative (the
 * sums have a few dozen terms; see test/support/expect.ts).
 *
 * The properties (fast-check, small random schemes) check what §8 says an
 * entrant's figures do not depend on, and that subsidy.csv adds up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entrantLanes, projectEntrants } from '../../src/core/entrants.js';
import { buildModel } from '../../src/core/model.js';
import { projectScheme } from '../../src/core/project.js';
import type { EntrantRow, SchemeData, SubsidyRow } from '../../src/core/types.js';
import type { Sex } from '../../src/core/rules.js';
import { populationRowSchema } from '../../src/schema/tables.js';
import { arbitrarySchemeData } from '../support/arbitrary.js';
import { closeEnough, expectClose, expectFields } from '../support/expect.js';
import { tinyScheme, type BySexAge, type SchemePatch } from '../support/scheme.js';

const MIN_AGE = 58;
const MAX_AGE = 63;
/** §8: 2 × (max_age − min_age) + 1 years. */
const RUN_YEARS = 2 * (MAX_AGE - MIN_AGE) + 1;

/** Base-year qx by sex and age (q = 1 at max_age 63 is the model's own, §4). */
const QX = {
  F: { 58: 0.01, 59: 0.02, 60: 0.03, 61: 0.05, 62: 0.08 },
  M: { 58: 0.015, 59: 0.025, 60: 0.04, 61: 0.06, 62: 0.1 },
} satisfies BySexAge;
const IMPROVEMENT = 0.02;
const improvementTable: BySexAge = { '*': { 58: IMPROVEMENT, 59: IMPROVEMENT, 60: IMPROVEMENT, 61: IMPROVEMENT, 62: IMPROVEMENT } };

/** §2 mortality of year t0 + j: q = qx × (1 − improvement)^j, and 1 at max_age (§4). */
const q = (sex: Sex, age: number, j: number): number => (age === MAX_AGE ? 1 : QX[sex][age as keyof (typeof QX)['F']] * (1 - IMPROVEMENT) ** j);

/** ₜp: survival to the start of year j of a life aged `entryAge` at the start of year 0, j = 0 … until max_age. */
function survival(sex: Sex, entryAge: number): number[] {
  const alive = [1];
  for (let age = entryAge, j = 0; age < MAX_AGE; age += 1, j += 1) alive.push(alive[j]! * (1 - q(sex, age, j)));
  return alive;
}

/** §7 weights `D_j h_j` from a year's discount rates (j = 0 … years − 1). */
function midYearWeights(rate: (j: number) => number, years: number): number[] {
  const weights: number[] = [];
  let startOfYear = 1;
  for (let j = 0; j < years; j += 1) {
    weights.push(startOfYear * (1 + rate(j)) ** -0.5);
    startOfYear /= 1 + rate(j);
  }
  return weights;
}

/** §1 cumulative index `Π_{u<j} (1 + rate_u)`, j = 0 … years. */
function cumulative(rate: (j: number) => number, years: number): number[] {
  const index = [1];
  for (let j = 0; j < years; j += 1) index.push(index[j]! * (1 + rate(j)));
  return index;
}

const sum = (terms: readonly number[]) => terms.reduce((total, term) => total + term, 0);

function entrantRow(rows: readonly EntrantRow[], group: string, sex: Sex, entryAge: number): EntrantRow {
  const row = rows.find((candidate) => candidate.group === group && candidate.sex === sex && candidate.entry_age === entryAge);
  if (row === undefined) throw new Error(`entrants has no row for ${group} ${sex} ${entryAge}`);
  return row;
}

/**
 * The cases' common scheme: ages 58–63, retirement 60, vesting 0, flat rule 10 a month (J = Iw),
 * flat pension 100 a month indexed to prices, wage growth 3 %, inflation 2 %, return 5 % (= discount).
 */
const BASE: SchemePatch = {
  projection: { horizon: 3, max_age: MAX_AGE },
  assumptions: { wage_growth: 0.03, inflation: 0.02, investment_return: 0.05 },
};
const scheme = (patch: SchemePatch, qx: BySexAge = QX) => tinyScheme({ scheme: mergePatch(BASE, patch), qx, improvement: improvementTable });
function mergePatch(base: SchemePatch, patch: SchemePatch): SchemePatch {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] = typeof value === 'object' && value !== null && !Array.isArray(value) && typeof current === 'object' && current !== null
      ? { ...current, ...value } : value;
  }
  return merged as SchemePatch;
}

// Constant assumptions of BASE: Iw_j = 1.03^j (= J_j), pensions × 1.02 a year, D_j h_j = 1.05^−(j+½).
const v = midYearWeights(() => 0.05, RUN_YEARS);
const Iw = cumulative(() => 0.03, RUN_YEARS);

describe('§8 entrants.csv, hand-worked: a flat pension, flat contributions of density 1', () => {
  // Matching 0.5 per unit paid, capped at 4 a month: mc = min(0.5 × 10 J, 4 J) = 4 J, M = 48 J a year (§3).
  // Funeral 300 × J_t per death (§5). Administration is charged (§6) but left out of entrants.csv (§8).
  const data = () => scheme({
    contributions: { matching: { ratio: 0.5, cap: 4 } },
    benefits: { funeral: { amount: 300 } },
    administration: { contribution_share: 0.1, per_member_annual: 5 },
    subsidy: { entry_ages: [58, 59] },
  });

  /** The closed form for a life entering at `entryAge` in year 0 (retirement at 60 in year 60 − entryAge). */
  function expected(sex: Sex, entryAge: number) {
    const p = survival(sex, entryAge);
    const retirementYear = 60 - entryAge;
    const award = 12 * 100 * Iw[retirementYear]!; // §5: flat amount × 12 × J of the first year of payment
    let contributions = 0; let matching = 0; let oldAge = 0; let funeral = 0;
    p.forEach((alive, j) => {
      const age = entryAge + j;
      const exposure = alive * (1 - q(sex, age, j) / 2); // §4 step 3
      if (age < 60) {
        contributions += exposure * 120 * Iw[j]! * v[j]!;
        matching += exposure * 48 * Iw[j]! * v[j]!;
      } else {
        oldAge += exposure * award * 1.02 ** (j - retirementYear) * v[j]!; // §4 step 6: indexed from t_r + 1
      }
      funeral += alive * q(sex, age, j) * 300 * Iw[j]! * v[j]!; // §5: amount × J_t × deaths
    });
    const benefits = oldAge + funeral;
    return {
      pv_contributions: contributions, pv_matching: matching, pv_old_age_benefits: oldAge, pv_funeral_benefits: funeral,
      pv_disability_benefits: 0, pv_survivor_benefits: 0, pv_refunds: 0, pv_maternity_benefits: 0, pv_health_benefits: 0,
      pv_benefits: benefits,
      net_transfer: benefits - contributions - matching, // §8: administration left out
      money_worth: benefits / contributions,
    };
  }

  it.each([
    ['F', 58], ['F', 59], ['M', 58], ['M', 59],
  ] as const)('%s entering at %i: PV of contributions, matching, pension and funeral, net transfer and money\'s worth', (sex, entryAge) => {
    expectFields(entrantRow(projectEntrants(buildModel(data())), 'g', sex, entryAge), expected(sex, entryAge), 1e-12, `${sex} ${entryAge}: `);
  });

  it('leaves administration out: the same rows with or without an administration charge', () => {
    const withoutAdministration = projectEntrants(buildModel(scheme({
      contributions: { matching: { ratio: 0.5, cap: 4 } },
      benefits: { funeral: { amount: 300 } },
      subsidy: { entry_ages: [58, 59] },
    })));
    expect(projectEntrants(buildModel(data()))).toEqual(withoutAdministration);
    expect(Object.keys(withoutAdministration[0]!)).not.toContain('pv_administration');
  });

  it('has the columns of §8 in order: group, sex, entry_age, pv_contributions … pv_benefits, net_transfer, money_worth', () => {
    expect(Object.keys(projectEntrants(buildModel(data()))[0]!)).toEqual([
      'group', 'sex', 'entry_age', 'pv_contributions', 'pv_matching', 'pv_care_credit_contributions', 'pv_old_age_benefits',
      'pv_disability_benefits', 'pv_survivor_benefits', 'pv_refunds', 'pv_maternity_benefits', 'pv_health_benefits',
      'pv_funeral_benefits', 'pv_benefits', 'net_transfer', 'money_worth',
    ]);
  });
});

describe('§8 entrants.csv: after the horizon the assumptions keep the last projection year\'s values', () => {
  // Horizon 3: projection years 2025–2027. Each map changes inside the horizon and again after it;
  // the later key must be ignored (§8), while mortality improvement and health inflation keep their formulas.
  //   wage_growth       {2025: 3 %, 2027: 1 %, 2029: 50 %}  → 3 %, 3 %, 1 %, then 1 % for ever
  //   inflation         {2025: 2 %, 2026: 4 %, 2028: 50 %}  → 2 %, 4 %, 4 %, then 4 %
  //   investment_return {2025: 5 %, 2027: 7 %, 2030: 90 %}  → 5 %, 5 %, 7 %, then 7 % (= discount, null)
  const inHorizon = (values: readonly number[]) => (j: number) => values[Math.min(j, values.length - 1)]!;
  const wageGrowth = inHorizon([0.03, 0.03, 0.01]);
  const inflation = inHorizon([0.02, 0.04, 0.04]);
  const discount = inHorizon([0.05, 0.05, 0.07]);
  const data = () => scheme({
    assumptions: {
      wage_growth: { 2025: 0.03, 2027: 0.01, 2029: 0.5 },
      inflation: { 2025: 0.02, 2026: 0.04, 2028: 0.5 },
      investment_return: { 2025: 0.05, 2027: 0.07, 2030: 0.9 },
    },
    benefits: {
      health: {
        covered: ['active', 'retired'], dependants_factor: 1.5, inflation: 0.05,
        annual_cost: [{ age_from: 58, age_to: 59, cost: 30 }, { age_from: 60, age_to: 63, cost: 80 }],
      },
    },
    subsidy: { entry_ages: [58] },
  });

  it('values an entrant of 58 over 2025–2030 with the 2027 assumptions from 2028 on', () => {
    const weights = midYearWeights(discount, RUN_YEARS);
    const wageIndex = cumulative(wageGrowth, RUN_YEARS);
    const p = survival('F', 58);
    const award = 12 * 100 * wageIndex[2]!; // retires at 60 in 2027
    let contributions = 0; let oldAge = 0; let health = 0; let pension = award;
    p.forEach((alive, j) => {
      const age = 58 + j;
      const exposure = alive * (1 - q('F', age, j) / 2); // q keeps improving: qx × 0.98^j, j up to 5
      if (age < 60) contributions += exposure * 120 * wageIndex[j]! * weights[j]!;
      else {
        oldAge += exposure * pension * weights[j]!;
        pension *= 1 + inflation(j); // §4 step 6: idx_t of year t, then paid in t + 1
      }
      health += exposure * (age < 60 ? 30 : 80) * 1.05 ** j * 1.5 * weights[j]!; // §5: (1 + inflation)^{t−t0}, unchanged after the horizon
    });
    expectFields(entrantRow(projectEntrants(buildModel(data())), 'g', 'F', 58), {
      pv_contributions: contributions, pv_old_age_benefits: oldAge, pv_health_benefits: health,
      pv_benefits: oldAge + health, net_transfer: oldAge + health - contributions, money_worth: (oldAge + health) / contributions,
    });
  });
});

describe('§8 entrants.csv with survivors: the survivor pension an entrant causes is part of its figures', () => {
  // Survivors: share 0.5; a spouse is left by 60 % of women and 90 % of men who die; survivor's age minus
  // deceased's: −2 after a woman, −3 after a man (§4 step 5). No disability benefit, so only deaths of
  // pensioners leave survivors. The survivor is of the other sex, paid on that sex's row of the run, and
  // dies at the other sex's rates: the entrant's row adds both rows.
  const survivorsRule = { share: 0.5, spouse_probability: { F: 0.6, M: 0.9 }, age_difference: { F: -2, M: -3 } };
  const data = () => scheme({ benefits: { survivors: survivorsRule }, subsidy: { entry_ages: [58, 59] } });
  const other = (sex: Sex): Sex => (sex === 'F' ? 'M' : 'F');

  function expected(sex: Sex, entryAge: number) {
    const p = survival(sex, entryAge);
    const retirementYear = 60 - entryAge;
    let oldAge = 0; let survivors = 0; let contributions = 0;
    p.forEach((alive, j) => {
      const age = entryAge + j;
      if (age < 60) { contributions += alive * (1 - q(sex, age, j) / 2) * 120 * Iw[j]! * v[j]!; return; }
      const pension = 12 * 100 * Iw[retirementYear]! * 1.02 ** (j - retirementYear);
      oldAge += alive * (1 - q(sex, age, j) / 2) * pension * v[j]!;
      // Step 5: deaths × spouse_probability survivors, aged min(clamp(x + diff, 58, 63) + 1, 63) at t + 1,
      // with share × p̄ × (1 + idx_t) each; then paid, indexed and dying like any pensioner until max_age.
      let heads = alive * q(sex, age, j) * survivorsRule.spouse_probability[sex];
      let survivorAge = Math.min(Math.min(Math.max(age + survivorsRule.age_difference[sex], MIN_AGE), MAX_AGE) + 1, MAX_AGE);
      let survivorPension = 0.5 * pension * 1.02;
      for (let k = j + 1; ; k += 1, survivorAge += 1) {
        const qSurvivor = q(other(sex), survivorAge, k);
        survivors += heads * (1 - qSurvivor / 2) * survivorPension * v[k]!;
        if (survivorAge === MAX_AGE) break;
        heads *= 1 - qSurvivor;
        survivorPension *= 1.02;
      }
    });
    return {
      pv_contributions: contributions, pv_old_age_benefits: oldAge, pv_survivor_benefits: survivors,
      pv_benefits: oldAge + survivors, net_transfer: oldAge + survivors - contributions, money_worth: (oldAge + survivors) / contributions,
    };
  }

  it.each([
    ['F', 58], ['F', 59], ['M', 58], ['M', 59],
  ] as const)('%s entering at %i: own pension, and the survivor pension of the other sex', (sex, entryAge) => {
    const row = entrantRow(projectEntrants(buildModel(data())), 'g', sex, entryAge);
    const values = expected(sex, entryAge);
    expect(values.pv_survivor_benefits).toBeGreaterThan(0.05 * values.pv_old_age_benefits); // the case has something to test
    expectFields(row, values, 1e-12, `${sex} ${entryAge}: `);
  });

  it('runs 2 × (max_age − min_age) + 1 years: a widow 10 years younger than an entrant of min_age is paid until she dies', () => {
    // Mortality 0 below max_age. A man entering at 58 in 2025 draws a pension from 60 (2027) to 63 (2030),
    // where q = 1: half a year's exposure, one death. He leaves 0.8 widows aged min(clamp(63 − 10) + 1, 63) = 59
    // in 2031, who are paid at 59, 60, 61, 62 and, at max_age, half a year in 2035 = t0 + 2 × (63 − 58).
    const rows = projectEntrants(buildModel(tinyScheme({
      scheme: mergePatch(BASE, {
        benefits: { survivors: { share: 0.5, spouse_probability: 0.8, age_difference: { F: 0, M: -10 } } },
        subsidy: { entry_ages: [58] },
      }),
    })));
    const award = 1200 * Iw[2]!;
    const lastPension = award * 1.02 ** 3; // p̄ in 2030
    const exposures = [1, 1, 1, 1, 0.5]; // 2031 … 2035
    const widow = exposures.map((exposure, offset) => 0.8 * exposure * 0.5 * lastPension * 1.02 ** (offset + 1) * v[6 + offset]!);
    expect(6 + exposures.length).toBe(RUN_YEARS);
    expectFields(entrantRow(rows, 'g', 'M', 58), {
      pv_old_age_benefits: sum([1, 1, 1, 0.5].map((exposure, offset) => exposure * award * 1.02 ** offset * v[2 + offset]!)),
      pv_survivor_benefits: sum(widow),
    });
    // The last year counts: without 2035 the PV would be short by this much, far above the tolerance.
    expect(widow[4]! / sum(widow)).toBeGreaterThan(0.05);
  });
});

describe('§8 entrants.csv: which rows exist', () => {
  it('one row per group (with or without entrants), sex and entry age in [min_age, retirement_age_s − 1], in group, F/M, age order', () => {
    // Retirement F 60, M 62. Entry ages given unsorted and outside the range (a duplicate is refused by the schema).
    const data = tinyScheme({
      scheme: mergePatch(BASE, {
        benefits: { old_age: { retirement_age: { F: 60, M: 62 }, formula: 'flat', amount: 100 } },
        groups: { b: { entrants: { count: 5 } }, a: {} },
        subsidy: { entry_ages: [63, 57, 59, 61, 58, 60, 62] },
      }),
      rates: [{ group: 'b', sex: 'F', age: 58, entrant_share: 1 }],
    });
    expect(projectEntrants(buildModel(data)).map((row) => `${row.group} ${row.sex} ${row.entry_age}`)).toEqual([
      'b F 58', 'b F 59', 'b M 58', 'b M 59', 'b M 60', 'b M 61',
      'a F 58', 'a F 59', 'a M 58', 'a M 59', 'a M 60', 'a M 61',
    ]);
  });

  it('has no rows when no entry age is in range', () => {
    expect(projectEntrants(buildModel(scheme({ subsidy: { entry_ages: [20, 30, 40, 50] } })))).toEqual([]);
    expect(projectEntrants(buildModel(scheme({ subsidy: { entry_ages: [] } })))).toEqual([]);
  });
});

describe('§8 entrants.csv: net transfer and money\'s worth', () => {
  it('money_worth is null when the entrant pays nothing; net_transfer is then the PV of its benefits', () => {
    // A flat contribution of 0: C = 0, M = 0, yet a vested flat pension (vesting 0).
    const row = entrantRow(projectEntrants(buildModel(scheme({ contributions: { amount: 0 }, subsidy: { entry_ages: [59] } }))), 'g', 'F', 59);
    const p = survival('F', 59);
    const oldAge = sum(p.slice(1).map((alive, offset) => alive * (1 - q('F', 60 + offset, 1 + offset) / 2) * 1200 * Iw[1]! * 1.02 ** offset * v[1 + offset]!));
    expectFields(row, { pv_contributions: 0, pv_matching: 0, pv_benefits: oldAge, net_transfer: oldAge, money_worth: null });
  });
});

/** The same scheme with `entry_ages` at every age of its range (so that some are filtered out). */
function withEveryEntryAge(data: SchemeData): SchemeData {
  const { min_age: minAge, max_age: maxAge } = data.scheme.projection;
  const entryAges = Array.from({ length: maxAge - minAge + 3 }, (_, offset) => minAge - 1 + offset);
  return { ...data, scheme: { ...data.scheme, subsidy: { entry_ages: entryAges } } };
}

describe('§8 entrants.csv properties', () => {
  const RUNS = { numRuns: 40 };

  it('an entrant\'s figures depend neither on the population nor on the groups\' entrant counts', () => {
    fc.assert(fc.property(arbitrarySchemeData(), fc.integer({ min: 0, max: 1000 }), (drawn, seed) => {
      const data = withEveryEntryAge(drawn);
      const groups = Object.fromEntries(Object.entries(data.scheme.groups).map(([name, group], index) => [name, {
        ...group,
        // A group with entrant shares may change its count freely; any group may drop to 0 entrants.
        entrants: { ...group.entrants, count: group.entrants.count > 0 && (seed + index) % 3 !== 0 ? group.entrants.count * (1 + seed) : 0 },
      }]));
      const population = data.population.flatMap((row, index) => ((seed + index) % 2 === 0 ? [{ ...row, count: row.count * 3 + 1 }] : []));
      const other: SchemeData = { ...data, population, scheme: { ...data.scheme, groups } };
      expect(projectEntrants(buildModel(other))).toEqual(projectEntrants(buildModel(data)));
      expect(projectEntrants(buildModel({ ...data, population: [] }))).toEqual(projectEntrants(buildModel(data)));
    }), RUNS);
  });

  it('rows do not depend on how the lanes are batched: a lane projected alone gives its row of the whole run', () => {
    // A batch of fewer lanes than the scheme has groups still reads every group's parameters (its lanes may follow any group).
    fc.assert(fc.property(arbitrarySchemeData(), fc.nat(), (drawn, pick) => {
      const model = buildModel(withEveryEntryAge(drawn));
      const lanes = entrantLanes(model);
      fc.pre(lanes.length > 0);
      const index = lanes.length - 1 - (pick % lanes.length);
      expect(projectEntrants(model, [lanes[index]!])).toEqual([projectEntrants(model)[index]]);
    }), RUNS);
  });

  it('an entrant is a one-member population, alone, projected over 2 × (max − min) + 1 years (up to administration)', () => {
    // §8 "followed through the same model, with no other population and no other entrants": an active of
    // the entry age in bin 0 with zero averages at t0 is the entrant of step 2 (step 1 does not touch it).
    fc.assert(fc.property(arbitrarySchemeData(), fc.nat(), (drawn, pick) => {
      const { min_age: minAge, max_age: maxAge } = drawn.scheme.projection;
      const groups = Object.fromEntries(Object.entries(drawn.scheme.groups).map(([name, group]) => [name, { ...group, entrants: { count: 0, growth: 0, foreign_credits: group.entrants.foreign_credits } }]));
      const data = withEveryEntryAge({
        ...drawn,
        scheme: { ...drawn.scheme, groups, projection: { ...drawn.scheme.projection, horizon: 2 * (maxAge - minAge) + 1 } },
      });
      const rows = projectEntrants(buildModel(data));
      fc.pre(rows.length > 0);
      const entrant = rows[pick % rows.length]!;
      // §11: an entrant brings its group's entrants.foreign_credits, as a base-year member may.
      const foreign = data.scheme.groups[entrant.group]!.entrants.foreign_credits;
      const member = populationRowSchema.parse({ group: entrant.group, sex: entrant.sex, age: entrant.entry_age, status: 'active', foreign_credits: foreign });
      const alone = projectScheme({ ...data, population: [member] }).subsidy.filter((row) => row.group === entrant.group);
      for (const field of ['pv_contributions', 'pv_matching', 'pv_care_credit_contributions', 'pv_old_age_benefits', 'pv_disability_benefits',
        'pv_survivor_benefits', 'pv_refunds', 'pv_maternity_benefits', 'pv_health_benefits', 'pv_funeral_benefits', 'pv_benefits'] as const) {
        const expected = alone[0]![field] + alone[1]![field];
        expect(closeEnough(entrant[field], expected, 1e-9, 1e-9 * Math.max(1, entrant.pv_benefits, entrant.pv_contributions)),
          `${entrant.group} ${entrant.sex} ${entrant.entry_age} ${field}: ${entrant[field]} vs ${expected}`).toBe(true);
      }
    }), RUNS);
  });

  it('rows keep the identities of §8: pv_benefits = Σ benefits, net_transfer, money_worth null exactly when pv_contributions = 0', () => {
    fc.assert(fc.property(arbitrarySchemeData(), (drawn) => {
      for (const row of projectEntrants(buildModel(withEveryEntryAge(drawn)))) {
        const benefits = row.pv_old_age_benefits + row.pv_disability_benefits + row.pv_survivor_benefits + row.pv_refunds
          + row.pv_maternity_benefits + row.pv_health_benefits + row.pv_funeral_benefits;
        expectClose(row.pv_benefits, benefits, 1e-12, 1e-9);
        expectClose(row.net_transfer, row.pv_benefits - row.pv_contributions - row.pv_matching - row.pv_care_credit_contributions, 1e-12,
          1e-9 * Math.max(1, row.pv_benefits, row.pv_contributions));
        if (row.pv_contributions === 0) expect(row.money_worth).toBeNull();
        else expectClose(row.money_worth, row.pv_benefits / row.pv_contributions, 1e-12);
        for (const value of Object.values(row)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    }), RUNS);
  });
});

describe('§8 subsidy.csv property (the hand-worked case is in projection.subsidy.test.ts)', () => {
  it('rows add up to the scheme totals of summary.json present_values, and keep net_transfer = benefits + admin − K', () => {
    fc.assert(fc.property(arbitrarySchemeData(), (data) => {
      const result = projectScheme(data);
      const pv = result.indicators.present_values;
      const total = (field: keyof SubsidyRow & `pv_${string}`) => result.subsidy.reduce((sum, row) => sum + (row[field] as number), 0);
      const scale = Math.max(1, pv.pv_benefits, pv.pv_contributions, pv.pv_administration);
      for (const field of ['pv_contributions', 'pv_matching', 'pv_care_credit_contributions', 'pv_benefits', 'pv_administration'] as const) {
        expect(closeEnough(total(field), pv[field], 1e-9, 1e-9 * scale), `${field}: ${total(field)} vs ${pv[field]}`).toBe(true);
      }
      for (const row of result.subsidy) {
        const income = row.pv_contributions + row.pv_matching + row.pv_care_credit_contributions; // K (§6, §8)
        expectClose(row.net_transfer, row.pv_benefits + row.pv_administration - income, 1e-12, 1e-9 * scale);
      }
    }), { numRuns: 50 });
  });
});
