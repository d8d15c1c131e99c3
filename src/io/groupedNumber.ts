/**
 * Numbers as the terminal shows them, `1,234,567.9`: the text that
 * `value.toLocaleString('en-US', {minimumFractionDigits: d, maximumFractionDigits: d})`
 * gives, without Intl. A process's first Intl call loads ICU's locale data:
 * 10 ms of the demo's 0.3 s `project` run, to print a table (bench/RESULTS.md).
 * As ICU does, the shortest decimal that reads back to the double is rounded
 * half away from zero (0.15 → 0.2, though the double lies below 0.15); a
 * negative number that rounds to zero keeps its sign (-0.0), except with
 * `exceptZero`, which signs every other number, `+` included.
 */

/** How the sign is shown: as `toLocaleString`'s `signDisplay`. */
export type SignDisplay = 'auto' | 'exceptZero';

/**
 * @example groupedNumber(1234567.85, 1) // '1,234,567.9'
 * @example groupedNumber(-0.04, 1) // '-0.0'
 * @example groupedNumber(0.05, 1, 'exceptZero') // '+0.1'
 */
export function groupedNumber(value: number, fractionDigits: number, signDisplay: SignDisplay = 'auto'): string {
  if (!Number.isFinite(value)) {
    return value.toLocaleString('en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, signDisplay });
  }
  const { integer, fraction } = roundedDigits(Math.abs(value), fractionDigits);
  const isZero = /^0*$/.test(integer + fraction);
  const negative = value < 0 || Object.is(value, -0);
  const sign = signDisplay === 'exceptZero' ? (isZero ? '' : negative ? '-' : '+') : negative ? '-' : '';
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return fractionDigits === 0 ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}

/** A count as messages show it, `1,048,576`; a count is whole, and anything else is left to Intl. */
export function groupedCount(value: number): string {
  return Number.isInteger(value) ? groupedNumber(value, 0) : value.toLocaleString('en-US');
}

/** The integer and fraction digits of `magnitude ≥ 0` rounded to `fractionDigits` places, half away from zero. */
function roundedDigits(magnitude: number, fractionDigits: number): { integer: string; fraction: string } {
  // The shortest decimal of the double, as `digits × 10^(point − digits.length)`.
  const [mantissa = '0', exponent = '0'] = String(magnitude).split('e');
  const [whole = '0', part = ''] = mantissa.split('.');
  const digits = whole + part;
  const point = whole.length + Number(exponent);
  const integer = point <= 0 ? '0' : point >= digits.length ? digits + '0'.repeat(point - digits.length) : digits.slice(0, point);
  const fractionAll = point >= digits.length ? '' : point <= 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  const kept = (integer + fractionAll.padEnd(fractionDigits, '0').slice(0, fractionDigits)).split('');
  if ((fractionAll[fractionDigits] ?? '0') >= '5') {
    // Carry the rounding up through the kept digits.
    let at = kept.length - 1;
    while (at >= 0 && kept[at] === '9') { kept[at] = '0'; at -= 1; }
    if (at >= 0) kept[at] = String(Number(kept[at]) + 1);
    else kept.unshift('1');
  }
  const text = kept.join('');
  const integerLength = text.length - fractionDigits;
  return { integer: text.slice(0, integerLength).replace(/^0+(?=\d)/, ''), fraction: text.slice(integerLength) };
}
