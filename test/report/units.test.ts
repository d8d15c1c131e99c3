/**
 * The small pieces of the report, each against numbers worked out by hand:
 * text widths from Helvetica's AFM, number formats, the price index of
 * methodology §1, the --years grammar, year ticks, fan bands, the zip dates.
 */
import { describe, expect, it } from 'vitest';
import { parseYearsOption, resolveYears, yearsOption } from '../../src/cli/render/years.js';
import { fanBands, centralPercentile } from '../../src/io/report/charts/simulateCharts.js';
import { caseDirection, stepText } from '../../src/io/report/charts/sweepCharts.js';
import { yearTicks } from '../../src/io/report/charts/layers.js';
import { amount, grouped, percent, percentagePoints } from '../../src/io/report/format.js';
import { moneyBasis, priceIndexOf, tableScale, unitScale } from '../../src/io/report/moneyBasis.js';
import { readOutputTable } from '../../src/io/report/outputTable.js';
import { prefixIds } from '../../src/io/report/renderCharts.js';
import { flattenProvisions, rateAssumptionText } from '../../src/io/report/sections/provisions.js';
import { textWidth } from '../../src/io/report/textWidth.js';
import { defaultYears } from '../../src/io/report/years.js';
import { normaliseZipDates } from '../../src/io/report/zipDates.js';
import { expectClose } from '../support/expect.js';

describe('textWidth (Helvetica AFM, thousandths of an em)', () => {
  it.each([
    ['GAP', 10, false, (667 + 778 + 667) / 100],
    ['2025', 11, false, (4 * 556 * 11) / 1000],
    ['il', 10, false, (222 + 222) / 100],
    ['il', 10, true, (278 + 278) / 100],
    ['Δ 1%', 12, false, ((612 + 278 + 556 + 889) * 12) / 1000],
  ])('%s at %i px (bold %s) is %f px', (text, size, bold, expected) => {
    expectClose(textWidth(text, size, bold), expected);
  });
});

describe('number formats', () => {
  it.each([
    [grouped(-1234567.891, 1), '−1,234,567.9'],
    [grouped(999.96, 1), '1,000.0'],
    [grouped(-0.04, 1), '0.0'],
    [grouped(12, 0), '12'],
    [percent(0.156033976), '15.60%'],
    [percent(-0.0285861), '−2.86%'],
    [percent(null), '—'],
    [percentagePoints(0.0247), '+2.47 pts'],
    [amount(3.64e9, 1e6), '3,640.0'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('units of money', () => {
  it.each([[1.9e11, 1e9], [9.9e10, 1e6], [4.2e9, 1e6], [5e5, 1e3], [5e4, 1]])('a chart of amounts up to %d is in units of %d', (largest, scale) => {
    expect(unitScale(largest)[0]).toBe(scale);
  });
  it.each([[1.9e12, 1e6], [1e7, 1e6], [9.99e6, 1e3], [9999, 1]])('a table of amounts up to %d is in units of %d', (largest, scale) => {
    expect(tableScale(largest)[0]).toBe(scale);
  });
});

describe('priceIndexOf (methodology §1: Ip_t = Π (1 + inflation_u), u < t, a year map a step function)', () => {
  const scheme = { currency: 'XOF', projection: { base_year: 2025, horizon: 4 }, assumptions: { inflation: { 2025: 0.02, 2027: 0.03 } } };
  it('multiplies the step function year by year', () => {
    const index = priceIndexOf(scheme)!;
    expect(index.baseYear).toBe(2025);
    const expected = [1, 1.02, 1.02 * 1.02, 1.02 * 1.02 * 1.03, 1.02 * 1.02 * 1.03 * 1.03];
    expected.forEach((value, offset) => expectClose(index.index[offset], value, 1e-15, 0, `Ip_${2025 + offset}`));
  });
  it('deflates in real reports, says so, and falls back to nominal without an inflation assumption', () => {
    const real = moneyBasis(scheme, 'real', () => 5e9);
    expect(real.kind).toBe('real');
    expect(real.unit).toBe('XOF million, 2025 prices');
    expectClose(real.priceIndex(2027), 1.0404, 1e-15);
    const fallback = moneyBasis({ currency: 'XOF' }, 'real', () => 5e9);
    expect(fallback.kind).toBe('nominal');
    expect(fallback.unit).toBe('XOF million, money of each year');
    expect(fallback.explanation).toMatch(/no inflation assumption/);
  });
});

describe('--years', () => {
  const years = Array.from({ length: 75 }, (_, offset) => 2025 + offset);
  it.each([
    ['2025,2030,2050', [2025, 2030, 2050]],
    ['2050,2025,2050', [2025, 2050]],
    ['2025:2045:10', [2025, 2035, 2045]],
    ['::25', [2025, 2050, 2075]],
    ['2090:', [2090, 2091, 2092, 2093, 2094, 2095, 2096, 2097, 2098, 2099]],
  ])('%s names %j', (text, expected) => {
    const parsed = parseYearsOption(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(resolveYears(parsed.items, years)).toEqual({ ok: true, years: expected });
  });
  it.each([
    ['2025,abc', '"abc" is not a year'],
    ['2030:2025', 'runs backwards'],
    ['2025:2030:0', 'step must be'],
    ['2100', '2100 is outside the projection (2025–2099)'],
    ['2020:2030', 'reaches outside the projection'],
  ])('%s is refused: %s', (text, message) => {
    const result = yearsOption(text, 2025, 75);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
  it('defaults to the first year, every 5th for 30 years, every 10th after, and the last', () => {
    expect(defaultYears(years)).toEqual([2025, 2030, 2035, 2040, 2045, 2050, 2055, 2065, 2075, 2085, 2095, 2099]);
  });
});

describe('chart pieces', () => {
  it.each([
    [2025, 2099, [2025, 2030, 2035, 2040, 2045, 2050, 2055, 2060, 2065, 2070, 2075, 2080, 2085, 2090, 2095]],
    [2025, 2044, [2025, 2028, 2030, 2032, 2034, 2036, 2038, 2040, 2042, 2044]],
    [2025, 2030, [2025, 2026, 2027, 2028, 2029, 2030]],
  ])('year ticks from %i to %i', (first, last, expected) => {
    expect(yearTicks(first, last)).toEqual(expected);
  });
  it.each([
    [[5, 25, 50, 75, 95], [{ low: 5, high: 95 }, { low: 25, high: 75 }], 50],
    [[2.5, 10, 50, 90, 97.5], [{ low: 2.5, high: 97.5 }, { low: 10, high: 90 }], 50],
    [[10, 90], [{ low: 10, high: 90 }], 10],
    [[50], [], 50],
  ])('percentiles %j: bands %j around P%d', (percentiles, bands, centre) => {
    expect(fanBands(percentiles)).toEqual(bands);
    expect(centralPercentile(percentiles)).toBe(centre);
  });
  it('reads a sensitivity case\'s direction and step from its name', () => {
    expect(caseDirection('investment_return+1pt', 'investment_return')).toBe('up');
    expect(caseDirection('entrants-50pct', 'entrants')).toBe('down');
    expect(caseDirection('base', 'base')).toBeUndefined();
    expect(stepText('-50pct')).toBe('−50%');
    expect(stepText('+1pt')).toBe('+1 pt');
  });
  it('prefixes every id of an SVG and every reference to it', () => {
    const svg = '<clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"/><use href="#clip1"/>';
    expect(prefixIds(svg, 'rates')).toBe('<clipPath id="rates-clip1"><rect/></clipPath><g clip-path="url(#rates-clip1)"/><use href="#rates-clip1"/>');
  });
});

describe('provisions', () => {
  it('flattens the scheme to path → value, year maps and number lists whole', () => {
    expect(flattenProvisions({
      reserve: { initial: 5 }, assumptions: { inflation: { 2025: 0.02, 2030: 0.03 }, discount_rate: null },
      subsidy: { entry_ages: [20, 30] }, classes: [{ up_to: 100 }, { up_to: null }],
    })).toEqual([
      ['reserve.initial', '5'], ['assumptions.inflation', '2025: 0.02; 2030: 0.03'], ['assumptions.discount_rate', 'none'],
      ['subsidy.entry_ages', '20, 30'], ['classes[0].up_to', '100'], ['classes[1].up_to', 'none'],
    ]);
    expect(rateAssumptionText({ 2025: 0.055, 2035: 0.05 }, '')).toBe('from 2025: 5.50% · from 2035: 5.00%');
  });
});

describe('readOutputTable', () => {
  it('types cells by column kind and names the line and column of a bad number', () => {
    const { table, diagnostics } = readOutputTable('year,group,reserve_end,reserve_ratio\n2025,a,10.5,\n2026,b,abc,2\n', 'projection.csv');
    expect(table!.rows).toEqual([[2025, 'a', 10.5, null], [2026, 'b', null, 2]]);
    expect(diagnostics).toEqual([{ severity: 'error', file: 'projection.csv', line: 3, path: 'reserve_end', message: 'reserve_end "abc" must be a number (money) or empty' }]);
  });
  it('shows a text cell sipro\'s CSV writer neutralised as the value itself', () => {
    const { table } = readOutputTable('scenario,parameter,change\nw-1pt,wage_growth,"\'-0.01 on every year\'s value"\nx,x,"\'@x"\ny,y,\'quoted\n', 'sensitivity.csv');
    expect(table!.rows.map((row) => row[2])).toEqual(['-0.01 on every year\'s value', '@x', '\'quoted']);
  });
  it('reads a column it does not know as numbers only when every cell is one', () => {
    const { table } = readOutputTable('scenario,contributions.rate,groups.x.entrants\ns1,0.1,{count: 3}\ns2,0.12,\n', 'sweep.csv');
    expect(table!.rows).toEqual([['s1', 0.1, '{count: 3}'], ['s2', 0.12, null]]);
  });
});

describe('normaliseZipDates', () => {
  it('sets the DOS date and time of every local and central header to 1980-01-01 00:00', () => {
    // A stored zip of one empty file "a", dated 2024-05-06 07:08:10, written out by hand.
    const time = (7 << 11) | (8 << 5) | 5;
    const date = ((2024 - 1980) << 9) | (5 << 5) | 6;
    const bytes = new Uint8Array(30 + 1 + 46 + 1 + 22);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x04034b50, true); view.setUint16(10, time, true); view.setUint16(12, date, true); view.setUint16(26, 1, true); bytes[30] = 97;
    view.setUint32(31, 0x02014b50, true); view.setUint16(43, time, true); view.setUint16(45, date, true); view.setUint16(59, 1, true); view.setUint32(73, 0, true); bytes[77] = 97;
    view.setUint32(78, 0x06054b50, true); view.setUint16(88, 1, true); view.setUint32(90, 47, true); view.setUint32(94, 31, true);
    normaliseZipDates(bytes);
    expect([view.getUint16(10, true), view.getUint16(12, true), view.getUint16(43, true), view.getUint16(45, true)]).toEqual([0, 33, 0, 33]);
  });
});
