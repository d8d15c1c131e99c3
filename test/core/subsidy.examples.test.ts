/**
 * src/core/subsidy.ts has no @example: its documented contracts (§8), run on
 * hand-made flows of two years and one group.
 */
import { describe, expect, it } from 'vitest';
import { FLOW_WIDTH, Flow, flowRow } from '../../src/core/flows.js';
import { benefitPresentValues, subsidyRows } from '../../src/core/subsidy.js';
import { expectFields } from '../support/expect.js';

type Column = keyof typeof Flow;
function year(rows: Record<number, Partial<Record<Column, number>>>): Float64Array {
  const flows = new Float64Array(FLOW_WIDTH * 2);
  for (const [row, values] of Object.entries(rows)) {
    for (const [name, value] of Object.entries(values) as [Column, number][]) flows[flowRow(Number(row)) + Flow[name]] = value;
  }
  return flows;
}

describe('benefitPresentValues and subsidyRows (§8)', () => {
  // Row 0 = (g, F), row 1 = (g, M). Mid-year discount factors 0.9 and 0.8.
  const flows = [
    year({ 0: { contributions: 100, matching: 10, old_age_benefits: 50, refunds: 5, administration: 7, expenditure: 62 } }),
    year({ 0: { contributions: 200, health_benefits: 30, administration: 3, expenditure: 33 } }),
  ];
  const midYear = [0.9, 0.8];
  // PV: contributions 100 × 0.9 + 200 × 0.8 = 250; matching 9; old age 45; refunds 4.5; health 24;
  // benefits 45 + 4.5 + 24 = 73.5; administration 6.3 + 2.4 = 8.7.
  const F = {
    pv_contributions: 250, pv_matching: 9, pv_old_age_benefits: 45, pv_disability_benefits: 0, pv_survivor_benefits: 0,
    pv_refunds: 4.5, pv_maternity_benefits: 0, pv_health_benefits: 24, pv_funeral_benefits: 0, pv_benefits: 73.5,
  };

  it('benefitPresentValues: PV of each flow of one row', () => {
    expectFields(benefitPresentValues(flows, 0, midYear), F);
  });

  it('subsidyRows: one row per (group, sex), net_transfer = benefits + administration − contributions − matching; money\'s worth', () => {
    const rows = subsidyRows(flows, ['g'], midYear);
    expect(rows.map((row) => `${row.group} ${row.sex}`)).toEqual(['g F', 'g M']);
    expectFields(rows[0]!, { ...F, pv_administration: 8.7, net_transfer: 73.5 + 8.7 - 250 - 9, money_worth: 73.5 / 250 });
    expectFields(rows[1]!, { pv_contributions: 0, pv_benefits: 0, pv_administration: 0, net_transfer: 0, money_worth: null });
  });
});
