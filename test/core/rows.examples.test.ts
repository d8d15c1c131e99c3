/**
 * The rows of projection.csv and by_group.csv (methodology §7), written out
 * field by field in src/core/rows.ts: every column in the file's order, each
 * from its own flow column.
 */
import { describe, expect, it } from 'vitest';
import { FLOW_COLUMNS, FLOW_WIDTH, Flow } from '../../src/core/flows.js';
import { PROJECTION_COLUMNS } from '../../src/core/project.js';
import { groupYearRow, projectionRow } from '../../src/core/rows.js';

// A flow row whose column c holds 100 + c, after a first row of other numbers: a field read from the wrong column or row shows.
const flows = Float64Array.from({ length: 2 * FLOW_WIDTH }, (_, index) => (index < FLOW_WIDTH ? -1 : 100 + index - FLOW_WIDTH));

describe('groupYearRow(year, group, sex, flows, row)', () => {
  it('has year, group, sex, then every flow column in by_group.csv order, each from its column', () => {
    const row = groupYearRow(2030, 'traders', 'F', flows, FLOW_WIDTH);
    expect(Object.keys(row)).toEqual(['year', 'group', 'sex', ...FLOW_COLUMNS]);
    expect(row).toMatchObject({ year: 2030, group: 'traders', sex: 'F' });
    for (const name of FLOW_COLUMNS) expect(row[name]).toBe(100 + Flow[name]);
  });
});

describe('projectionRow(year, totals, reserveColumns)', () => {
  it('has projection.csv\'s columns in order: the flow columns from the totals, the reserve columns as given', () => {
    const totals = flows.subarray(FLOW_WIDTH);
    const reserve = { investment_income: 1, reserve_start: 2, reserve_end: 3, density: 0.5, payg_cost_rate: null, reserve_ratio: 4, support_ratio: 5 };
    const row = projectionRow(2030, totals, reserve);
    expect(Object.keys(row)).toEqual([...PROJECTION_COLUMNS]);
    expect(row).toMatchObject({ year: 2030, ...reserve });
    for (const name of PROJECTION_COLUMNS) {
      if (name === 'year' || name in reserve) continue;
      expect(row[name]).toBe(100 + Flow[name as keyof typeof Flow]);
    }
  });
});
