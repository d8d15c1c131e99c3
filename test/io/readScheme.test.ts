/** readScheme: zod issues placed on the YAML (or JSON) line of their field. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readScheme } from '../../src/io/readScheme.js';
import { fixture } from '../cli/helpers.js';

const minimalYaml = readFileSync(fixture('minimal', 'scheme.yaml'), 'utf8');
const lines = (text: string, file = 'scheme.yaml', overrides: { path: string; value: unknown }[] = []) =>
  readScheme(text, file, overrides).diagnostics.map((d) => `${d.file}${d.line === undefined ? '' : `:${d.line}`}: ${d.message}`);
/** The minimal scheme with one line replaced. */
const edited = (from: string, to: string) => {
  expect(minimalYaml).toContain(from);
  return minimalYaml.replace(from, to);
};

describe('readScheme', () => {
  it('resolves a valid scheme with its defaults filled in', () => {
    const read = readScheme(minimalYaml, 'scheme.yaml');
    expect(read.diagnostics).toEqual([]);
    expect(read.scheme?.benefits.old_age.refund).toBe('own');
    expect(read.scheme?.files.rates).toBe('rates.csv');
  });

  it.each([
    ['a field of a block map', 'min_pension: 30', 'min_pension: -30', 'scheme.yaml:35: benefits.old_age.min_pension "-30" must be a number >= 0'],
    ['a field of a flow map on its line', '{ratio: 0.5, cap: 20', '{ratio: -0.5, cap: 20', 'scheme.yaml:16: contributions.matching.ratio "-0.5" must be a number >= 0'],
    ['an entry of a list', '{up_to: 150, amount: 10', '{up_to: 150, amount: x', 'scheme.yaml:27: groups.drivers.contributions.classes[0].amount "x" must be a number'],
    ['a by-sex value', 'retirement_age: {F: 60, M: 62}', 'retirement_age: {F: 60.5, M: 62}', 'scheme.yaml:31: benefits.old_age.retirement_age.F "60.5" must be a whole number'],
    ['a value of neither accepted kind', 'retirement_age: {F: 60, M: 62}', 'retirement_age: sixty', 'scheme.yaml:31: benefits.old_age.retirement_age "sixty" must be a number or a map {F: …, M: …}'],
    ['an enum', 'formula: career_average', 'formula: average', 'scheme.yaml:33: benefits.old_age.formula "average" must be one of flat, career_average, account'],
    ['an empty value', 'currency: XOF', 'currency:', 'scheme.yaml:4: currency is empty but must be text'],
    ['a group name', '  drivers:\n', '  "platform drivers":\n', 'scheme.yaml:22: groups key "platform drivers" must use only letters, digits, _ . or -'],
    ['a year key', '{2025: 0.05, 2030: 0.04}', '{2025: 0.05, 203: 0.04}', 'scheme.yaml:9: assumptions.investment_return key "203" must be a four-digit year'],
    ['a missing field (on its parent\'s line)', '  funeral: {amount: 300}', '  funeral: {}', 'scheme.yaml:45: benefits.funeral.amount is required'],
    ['an unknown top-level key', 'currency: XOF', 'curency: XOF', 'scheme.yaml:4: unknown field "curency"; did you mean "currency"?'],
  ])('places %s on its line', (_, from, to, expected) => {
    const found = lines(edited(from, to));
    expect(found).toContain(expected);
  });

  it('lists the accepted keys when no known key is close to an unknown one', () => {
    expect(lines(edited('  funeral: {amount: 300}', '  funeral: {amount: 300, zzz: 1}'))).toEqual([
      'scheme.yaml:45: unknown field "benefits.funeral.zzz": expected one of amount',
    ]);
  });

  it('reports every problem of the document, not just the first', () => {
    const text = edited('rate: 0.1', 'rate: 2').replace('weeks: 12', 'weeks: 60');
    expect(lines(text)).toEqual([
      'scheme.yaml:12: contributions.rate "2" must be a number <= 1',
      'scheme.yaml:38: benefits.maternity.weeks "60" must be a number <= 52',
    ]);
  });

  it('places problems of a JSON scheme on their JSON lines', () => {
    const json = JSON.stringify(parseYaml(minimalYaml), null, 2).replace('"horizon": 10', '"horizon": 0');
    const line = json.split('\n').findIndex((text) => text.includes('"horizon"')) + 1;
    expect(lines(json, 'scheme.json')).toEqual([`scheme.json:${line}: projection.horizon "0" must be a number >= 1`]);
  });

  it('reports YAML that is not a map of fields', () => {
    expect(lines('')).toEqual(['scheme.yaml: must hold a map of scheme fields (name, projection, assumptions, contributions, groups, benefits), but it is empty']);
    expect(lines('- a\n- b\n')).toHaveLength(1);
  });

  describe('overrides (--set path=value)', () => {
    it('applies an override before validation, creating maps as needed, without touching the file\'s document', () => {
      const read = readScheme(minimalYaml, 'scheme.yaml', [
        { path: 'benefits.old_age.retirement_age', value: 65 },
        { path: 'groups.traders.entrants.count', value: 50 },
        { path: 'subsidy.entry_ages', value: [25] },
      ]);
      expect(read.diagnostics).toEqual([]);
      expect(read.scheme?.benefits.old_age.retirement_age).toBe(65);
      expect(read.scheme?.groups['traders']?.entrants.count).toBe(50);
      expect(read.scheme?.subsidy.entry_ages).toEqual([25]);
    });

    it('validates an overridden value like one in the file, and says it came from --set', () => {
      expect(lines(minimalYaml, 'scheme.yaml', [{ path: 'contributions.rate', value: 'high' }])).toEqual([
        '--set: contributions.rate "high" must be a number',
      ]);
    });

    it('refuses an entry age listed twice (subsidy.entry_ages), from the file or from --set', () => {
      expect(lines(minimalYaml, 'scheme.yaml', [{ path: 'subsidy.entry_ages', value: [20, 30, 20] }])).toEqual([
        '--set: subsidy.entry_ages must not list an entry age twice',
      ]);
    });

    it('refuses a path through a value that is not a map', () => {
      expect(lines(minimalYaml, 'scheme.yaml', [{ path: 'name.first', value: 'x' }])).toEqual([
        '--set: name is not a map, so "name.first" cannot be set',
      ]);
    });
  });
});
