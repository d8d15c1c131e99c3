/**
 * docs/reference.md is generated from the schemas (`npm run docs:reference`):
 * the committed file must be what the generator writes now, and every field
 * must say what it means, in which unit and within which bounds — so a field
 * added without them fails here, not in a user's hands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldReference, schemeFieldRows, tableColumnRows, type FieldRow } from '../../src/cli/fieldReference.js';
import { tableColumns, type TableName } from '../../src/schema/tables.js';
import { REPO, runSipro } from './helpers.js';

const allRows = (): FieldRow[] => [
  ...schemeFieldRows(),
  ...(Object.keys(tableColumns) as TableName[]).flatMap((table) => tableColumnRows(table).map((row) => ({ ...row, field: `${table}.csv ${row.field}` }))),
];

/**
 * Numbers that need no unit: a shock's standard deviation and
 * autocorrelation (§10: points of a rate or the log of a factor), a count of
 * scenarios, a seed, percentiles.
 */
const UNITLESS = /(\.sd|\.rho|^stochastic\.(scenarios|seed|percentiles(\[\])?))$/;
/**
 * Numbers bounded by another field only: the retirement age lies in (min_age,
 * max_age], a check whose message names both.
 */
const OPEN_ABOVE = new Set(['benefits.old_age.retirement_age']);

describe('the field reference', () => {
  it('is committed as generated: run `npm run docs:reference` after changing a schema', () => {
    const committed = readFileSync(join(REPO, 'docs', 'reference.md'), 'utf8');
    expect(committed).toBe(fieldReference());
  });

  it('is what `sipro schema --reference` prints', async () => {
    const { code, stdout, stderr } = await runSipro(['schema', '--reference']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(fieldReference());
  });

  it('describes every scheme.yaml field and every CSV column', () => {
    const undescribed = allRows().filter((row) => row.description.trim() === '').map((row) => row.field);
    expect(undescribed).toEqual([]);
  });

  it('gives every number a unit and an upper bound (a valid scheme computes)', () => {
    const numbers = allRows().filter((row) => /number/.test(row.kind));
    expect(numbers.length).toBeGreaterThan(60);
    expect(numbers.filter((row) => row.unit === '' && !UNITLESS.test(row.field)).map((row) => row.field)).toEqual([]);
    const unbounded = numbers.filter((row) => !/[\])]$|^<=? /.test(row.range) && !OPEN_ABOVE.has(row.field));
    expect(unbounded.map((row) => `${row.field} ${row.range}`)).toEqual([]);
  });

  it('lists the fields as the methodology does: money fields monthly unless annual or a lump sum', () => {
    const unit = (field: string) => allRows().find((row) => row.field === field)?.unit;
    // Worked out from the meaning of each field, not read from the schemas.
    expect(unit('contributions.floor')).toBe('money a month');
    expect(unit('contributions.classes[].up_to')).toBe('money a month');
    expect(unit('benefits.old_age.min_pension')).toBe('money a month');
    expect(unit('benefits.funeral.amount')).toBe('money per death');
    expect(unit('benefits.health.annual_cost[].cost')).toBe('money a year');
    expect(unit('administration.per_member_annual')).toBe('money a year');
    expect(unit('reserve.initial')).toBe('money');
    expect(unit('income.csv mean_monthly_income')).toBe('money a month');
    expect(unit('population.csv pension_monthly')).toBe('money a month');
    expect(unit('population.csv earnings')).toBe('money');
  });

  it('prints bounds, defaults and kinds as a reader writes them', () => {
    const row = (field: string) => allRows().find((candidate) => candidate.field === field)!;
    expect(row('contributions.ceiling')).toMatchObject({ kind: 'number or null', default: 'null', range: '[0, 1e13]' });
    expect(row('assumptions.wage_growth')).toMatchObject({ kind: 'number or map year → number', default: 'required', range: '(-1, 10]' });
    expect(row('benefits.survivors.age_difference')).toMatchObject({ kind: 'whole number or {F, M}', default: '{F: 3, M: -3}', range: '[-130, 130]' });
    expect(row('contributions.rule')).toMatchObject({ kind: 'percent | flat | classes', default: 'required' });
    expect(row('mortality.csv improvement')).toMatchObject({ default: '0', range: '[-1, 1)' });
    expect(row('population.csv group')).toMatchObject({ default: 'required' });
  });
});
