/**
 * Hand-worked cross-subsidy case (§8 subsidy.csv, §7 by_group.csv) and the
 * shape of the per-group outputs. Expected values are plain arithmetic from
 * the methodology, never a call into sipro.
 */
import { describe, expect, it } from 'vitest';
import { projectScheme } from '../../src/core/project.js';
import { groupRow, subsidyRow, tinyScheme } from '../support/scheme.js';
import { expectClose, expectFields } from '../support/expect.js';

describe('§8 subsidy.csv', () => {
  // Two groups, two years, i = 0.05 (discount = i). Administration: share 0.1, per member 5.
  // Survivors share 0.5, spouse_probability 1. q_M60 = 0.1, everything else 0 below max_age.
  //  a F: 2 actives at 58 → C = 2 × 120 = 240 a year.      a M: 1 active at 58 → 120 a year.
  //  b F: 1 inactive at 58 (a member, pays nothing).       b M: 1 pensioner at 60, p̄ = 1200.
  const data = () => tinyScheme({
    scheme: {
      projection: { horizon: 2 },
      assumptions: { investment_return: 0.05 },
      groups: { a: {}, b: {} },
      administration: { contribution_share: 0.1, per_member_annual: 5 },
      benefits: { survivors: { share: 0.5, spouse_probability: 1 } },
    },
    qx: { M: { 60: 0.1 } },
    population: [
      { group: 'a', sex: 'F', age: 58, status: 'active', count: 2 },
      { group: 'a', sex: 'M', age: 58, status: 'active', count: 1 },
      { group: 'b', sex: 'F', age: 58, status: 'inactive', count: 1 },
      { group: 'b', sex: 'M', age: 60, status: 'retired', pension_monthly: 100 },
    ],
  });
  // §7 PV weights v_t = D_t h_t: v_2025 = 1.05^−½, v_2026 = 1.05^−1 × 1.05^−½.
  const v2025 = 1.05 ** -0.5;
  const v2026 = 1.05 ** -1.5;
  const both = v2025 + v2026;

  it('allocates administration by own contributions (share part) and by A + I heads (per-member part), each year', () => {
    const result = projectScheme(data());
    for (const year of [2025, 2026]) {
      // Iw = 1 (wage_growth 0). Heads: a F 2, a M 1, b F 1, b M 0 (a pensioner is not a member here).
      expectClose(groupRow(result, year, 'a', 'F').administration, 0.1 * 240 + 5 * 2); // 34
      expectClose(groupRow(result, year, 'a', 'M').administration, 0.1 * 120 + 5 * 1); // 17
      expectClose(groupRow(result, year, 'b', 'F').administration, 0.1 * 0 + 5 * 1); //   5
      expectClose(groupRow(result, year, 'b', 'M').administration, 0);
    }
  });

  it('puts survivor benefits on the survivor\'s own (group, sex) row', () => {
    const result = projectScheme(data());
    // 2025: b M dies with q = 0.1 → 0.1 × 1 survivors, F, aged min(clamp(60 − 3, 58, 62) + 1, 62) = 59,
    // pension 0.5 × 1200 × (1 + idx_2025 = 1). 2026: q_F59 = 0 → E = 0.1.
    expectFields(groupRow(result, 2026, 'b', 'F'), { survivor_pensioners: 0.1, survivor_benefits: 0.1 * 600, inactives: 1 });
    expectFields(groupRow(result, 2026, 'b', 'M'), { survivor_pensioners: 0, survivor_benefits: 0, old_age_pensioners: 0.9 });
    expectClose(groupRow(result, 2025, 'b', 'M').deaths, 0.1);
  });

  it('reports present values per (group, sex), net_transfer and money_worth, adding up to the totals', () => {
    const result = projectScheme(data());
    // a F: PV(C) = 240 (v25 + v26); PV(admin) = 34 (v25 + v26); no benefits.
    expectFields(subsidyRow(result, 'a', 'F'), {
      pv_contributions: 240 * both, pv_matching: 0, pv_benefits: 0, pv_administration: 34 * both,
      net_transfer: 0 + 34 * both - 240 * both - 0, // pv_benefits + pv_administration − pv_contributions − pv_matching
      money_worth: 0 / (240 * both),
    });
    expectFields(subsidyRow(result, 'a', 'M'), {
      pv_contributions: 120 * both, pv_administration: 17 * both, net_transfer: 17 * both - 120 * both, money_worth: 0,
    });
    // b F: the survivor pension of 2026 and the per-member administration; no contributions → money_worth null.
    expectFields(subsidyRow(result, 'b', 'F'), {
      pv_contributions: 0, pv_survivor_benefits: 60 * v2026, pv_benefits: 60 * v2026,
      pv_administration: 5 * both, net_transfer: 60 * v2026 + 5 * both, money_worth: null,
    });
    // b M: old age 2025: E = 1 × 0.95 → 1140; 2026: N = 0.9 at 61, q = 0 → 1080.
    const pvOldAge = 1140 * v2025 + 1080 * v2026;
    expectFields(subsidyRow(result, 'b', 'M'), {
      pv_old_age_benefits: pvOldAge, pv_survivor_benefits: 0, pv_benefits: pvOldAge,
      pv_administration: 0, net_transfer: pvOldAge, money_worth: null,
    });
    // The rows add up to the scheme totals (§8).
    const sum = (field: 'pv_contributions' | 'pv_matching' | 'pv_benefits' | 'pv_administration') =>
      result.subsidy.reduce((total, row) => total + row[field], 0);
    const pv = result.indicators.present_values;
    expectClose(sum('pv_contributions'), pv.pv_contributions);
    expectClose(sum('pv_matching'), pv.pv_matching);
    expectClose(sum('pv_benefits'), pv.pv_benefits);
    expectClose(sum('pv_administration'), pv.pv_administration);
    // And the totals are the hand-worked ones: admin is 56 a year (34 + 17 + 5).
    expectClose(pv.pv_administration, 56 * both);
    expectClose(pv.pv_benefits, pvOldAge + 60 * v2026);
  });
});

describe('§7 by_group.csv and §8 subsidy.csv row layout', () => {
  it('has one row per year × group × sex, in the scheme\'s group order then F, M; one subsidy row per (group, sex)', () => {
    // Groups declared b before a: the scheme's order, not alphabetical.
    const result = projectScheme(tinyScheme({
      scheme: { projection: { horizon: 2 }, groups: { b: {}, a: {} } },
      population: [{ group: 'a', age: 58, status: 'active' }],
    }));
    expect(result.byGroup.map((row) => `${row.year} ${row.group} ${row.sex}`)).toEqual([
      '2025 b F', '2025 b M', '2025 a F', '2025 a M',
      '2026 b F', '2026 b M', '2026 a F', '2026 a M',
    ]);
    // methodology §8 fixes no order for subsidy.csv: only that every (group, sex) has exactly one row.
    expect(result.subsidy.map((row) => `${row.group} ${row.sex}`).sort()).toEqual(['a F', 'a M', 'b F', 'b M']);
    expect(result.projection.map((row) => row.year)).toEqual([2025, 2026]);
  });
});
