/**
 * The terminal's numbers without Intl must read exactly as Intl writes them:
 * the table holds texts Node's ICU printed for
 * `toLocaleString('en-US', {minimumFractionDigits: d, maximumFractionDigits: d, signDisplay})`,
 * and the property asks ICU itself about any double.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedCount, groupedNumber, type SignDisplay } from '../../src/io/groupedNumber.js';

const intl = (value: number, digits: number, signDisplay: SignDisplay) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay });

describe('groupedNumber', () => {
  // value, one digit, no digit, one digit exceptZero, no digit exceptZero: as ICU printed them.
  it.each([
    [-0.04, '-0.0', '-0', '0.0', '0'],
    [-0, '-0.0', '-0', '0.0', '0'],
    [0, '0.0', '0', '0.0', '0'],
    [0.05, '0.1', '0', '+0.1', '0'],
    [0.15, '0.2', '0', '+0.2', '0'],
    [0.25, '0.3', '0', '+0.3', '0'],
    [1.45, '1.5', '1', '+1.5', '+1'],
    [2.5, '2.5', '3', '+2.5', '+3'],
    [-2.5, '-2.5', '-3', '-2.5', '-3'],
    [1234567.85, '1,234,567.9', '1,234,568', '+1,234,567.9', '+1,234,568'],
    [0.95, '1.0', '1', '+1.0', '+1'],
    [9.95, '10.0', '10', '+10.0', '+10'],
    [-9.96, '-10.0', '-10', '-10.0', '-10'],
    [1e21, '1,000,000,000,000,000,000,000.0', '1,000,000,000,000,000,000,000', '+1,000,000,000,000,000,000,000.0', '+1,000,000,000,000,000,000,000'],
    [123456789012345680000, '123,456,789,012,345,680,000.0', '123,456,789,012,345,680,000', '+123,456,789,012,345,680,000.0', '+123,456,789,012,345,680,000'],
    [1e-7, '0.0', '0', '0.0', '0'],
    [-1e-7, '-0.0', '-0', '0.0', '0'],
  ])('%s', (value, oneDigit, noDigit, oneDigitSigned, noDigitSigned) => {
    expect(groupedNumber(value, 1)).toBe(oneDigit);
    expect(groupedNumber(value, 0)).toBe(noDigit);
    expect(groupedNumber(value, 1, 'exceptZero')).toBe(oneDigitSigned);
    expect(groupedNumber(value, 0, 'exceptZero')).toBe(noDigitSigned);
  });

  it('reads as Intl for any double, 0 to 3 places, either sign display', () => {
    const magnitudes = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      // Ties at the rounding digit, where the shortest decimal and the double disagree.
      fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 4 })).map(([units, places]) => (units + 0.5) / 10 ** places),
    );
    fc.assert(fc.property(magnitudes, fc.integer({ min: 0, max: 3 }), fc.constantFrom<SignDisplay>('auto', 'exceptZero'), (value, digits, sign) => {
      expect(groupedNumber(value, digits, sign)).toBe(intl(value, digits, sign));
    }), { numRuns: 3000 });
  });

  it('counts whole numbers with separators and leaves fractions to Intl', () => {
    expect(groupedCount(1048576)).toBe('1,048,576');
    expect(groupedCount(999)).toBe('999');
    expect(groupedCount(1.5)).toBe('1.5');
  });
});
