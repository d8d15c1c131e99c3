/**
 * Override paths checked before values (src/io/overridePaths.ts) and a
 * batch's paths checked before any scenario runs (src/io/batchChecks.ts):
 * typos get a "did you mean", a group the scheme lacks is never created.
 */
import { describe, expect, it } from 'vitest';
import { batchPathProblems } from '../../src/io/batchChecks.js';
import { formatDiagnostic } from '../../src/io/diagnostics.js';
import { loadScheme } from '../../src/io/loadScheme.js';
import { fieldPathProblem, numberKind } from '../../src/io/overridePaths.js';
import { readScheme } from '../../src/io/readScheme.js';
import { fixture } from '../cli/helpers.js';

const minimal = await loadScheme(fixture('minimal'));
const scheme = minimal.data!.scheme;

describe('fieldPathProblem', () => {
  it.each([
    'contributions.rate', 'contributions.matching.ratio', 'groups.traders.compliance', 'groups.drivers.contributions.classes',
    'groups.traders.entrants.count', 'benefits.old_age.retirement_age', 'benefits.survivors.age_difference.F',
    'assumptions.investment_return.2040', 'assumptions.discount_rate', 'financing.period_years', 'benefits.health.annual_cost',
    'benefits.funeral.amount', '@mortality.qx', 'groups',
  ])('%s names a field (or a table scale)', (path) => {
    expect(fieldPathProblem(path, scheme)).toBeUndefined();
  });

  it.each([
    ['contributons.rate', 'unknown field "contributons" (in contributons.rate); did you mean "contributions"?'],
    ['contributions.rte', 'unknown field "contributions.rte"; did you mean "rate"?'],
    ['benefits.old_age.retirment_age', 'unknown field "benefits.old_age.retirment_age"; did you mean "retirement_age"?'],
    ['benefits.funeral.zzz', 'unknown field "benefits.funeral.zzz": expected one of amount'],
    ['groups.tradrs.compliance', 'unknown group "tradrs" (in groups.tradrs.compliance): an override cannot add a group; the scheme\'s groups are traders, drivers; did you mean "traders"?'],
    ['groups.artisans', 'unknown group "artisans": an override cannot add a group; the scheme\'s groups are traders, drivers'],
    ['groups.traders.complience', 'unknown field "groups.traders.complience"; did you mean "compliance"?'],
    ['contributions.floor.x', 'contributions.floor is not a map, so "contributions.floor.x" cannot be set'],
    ['benefits.health.annual_cost.0.cost', 'benefits.health.annual_cost is a list, so "benefits.health.annual_cost.0.cost" cannot be set: set the whole list, e.g. benefits.health.annual_cost=[…]'],
  ])('%s: %s', (path, message) => {
    expect(fieldPathProblem(path, scheme)).toBe(message);
  });
});

describe('readScheme with a misspelt override', () => {
  const yaml = 'name: x\nprojection: {base_year: 2025, horizon: 1}\nassumptions: {wage_growth: 0, inflation: 0, investment_return: 0}\n' +
    'contributions: {rule: flat, amount: 1}\ngroups: {artisans: {}}\nbenefits: {old_age: {retirement_age: 60, formula: flat, amount: 1}}\n';
  it('reports the path on --set and does not apply it: no new group, no second message from the schema', () => {
    const read = readScheme(yaml, 'scheme.yaml', [{ path: 'groups.drivers.compliance', value: 0.5 }, { path: 'contributons.rate', value: 0.1 }]);
    expect(read.diagnostics.map(formatDiagnostic)).toEqual([
      '--set: unknown group "drivers" (in groups.drivers.compliance): an override cannot add a group; the scheme\'s groups are artisans',
      '--set: unknown field "contributons" (in contributons.rate); did you mean "contributions"?',
    ]);
    expect(Object.keys((read.document as { groups: object }).groups)).toEqual(['artisans']);
  });
});

describe('batchPathProblems', () => {
  it('checks each path once, whatever the number of scenarios; a file\'s problems are on its header line', () => {
    const problems = batchPathProblems(scheme, [
      { file: '--grid', paths: ['contributions.rate', 'groups.tradrs.compliance'] },
      { file: 'scenarios.csv', line: 1, paths: ['contributons.rate', 'contributons.rate', '@mortality.qxx'] },
      { file: '--vary', paths: ['benefits.old_age.retirement_age.F'] },
    ]);
    expect(problems.map(formatDiagnostic)).toEqual([
      '--grid: unknown group "tradrs" (in groups.tradrs.compliance): an override cannot add a group; the scheme\'s groups are traders, drivers; did you mean "traders"?',
      'scenarios.csv:1: column contributons.rate: unknown field "contributons" (in contributons.rate); did you mean "contributions"?',
      'scenarios.csv:1: column @mortality.qxx: "@mortality.qxx" is not a table scale: expected @mortality.qx or @rates.lapse',
    ]);
    // minimal's retirement age is {F: 60, M: 62}: its F can be set; a scheme with one age cannot take .F.
    const oneAge = { ...scheme, benefits: { ...scheme.benefits, old_age: { ...scheme.benefits.old_age, retirement_age: 60 } } };
    expect(batchPathProblems(oneAge, [{ file: '--vary', paths: ['benefits.old_age.retirement_age.F'] }]).map(formatDiagnostic)).toEqual([
      '--vary: benefits.old_age.retirement_age is not a map, so "benefits.old_age.retirement_age.F" cannot be set',
    ]);
  });
});

describe('numberKind', () => {
  it.each([
    ['benefits.old_age.retirement_age', 'integer'],
    ['benefits.old_age.retirement_age.M', 'integer'],
    ['benefits.old_age.vesting_years', 'integer'],
    ['financing.period_years', 'integer'],
    ['projection.horizon', 'integer'],
    ['contributions.rate', 'number'],
    ['contributions.matching.ratio', 'number'],
    ['groups.traders.compliance', 'number'],
    ['assumptions.investment_return', 'number'],
    ['@mortality.qx', 'number'],
    ['contributions.rule', undefined],
    ['benefits.health.annual_cost', undefined],
    ['contributons.rate', undefined],
  ])('%s holds %s', (path, kind) => {
    expect(numberKind(path)).toBe(kind);
  });
});
