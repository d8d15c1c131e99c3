/**
 * The money basis of a report: nominal (money of each year, as the CSV files
 * hold it) or base-year prices, deflated by the price index
 * `Ip_t = Π_{u=t0}^{t−1} (1 + inflation_u)` (methodology §1), rebuilt from the
 * scheme in the run record of summary.json. One unit (units, thousands,
 * millions or billions of the currency) serves the whole report.
 */
import { z } from 'zod';
import { assumptionValue } from '../../core/rules.js';
import { cumulativeIndex } from '../../core/timeline.js';
import { assumptionSchema } from '../../schema/common.js';

export type MoneyBasisKind = 'real' | 'nominal';

export interface MoneyBasis {
  kind: MoneyBasisKind;
  currency: string;
  /** The divisor of the unit: 1, 1e3, 1e6 or 1e9. */
  scale: number;
  /** `Ip_t` of a year of the projection (1 in nominal reports, and for years outside the index). */
  priceIndex(year: number): number;
  /** e.g. `XOF million, 2025 prices` or `XOF million, money of each year`. */
  unit: string;
  /** One sentence for captions: what the basis is and how it was derived. */
  explanation: string;
}

const schemeFacts = z.looseObject({
  currency: z.string().optional(),
  projection: z.looseObject({ base_year: z.number().int(), horizon: z.number().int().positive() }),
  assumptions: z.looseObject({ inflation: assumptionSchema }),
});

/** The price index `Ip_t` for t = t0 … t0 + n (§1), or undefined if the scheme does not give it. */
export function priceIndexOf(scheme: unknown): { baseYear: number; index: Float64Array } | undefined {
  const parsed = schemeFacts.safeParse(scheme);
  if (!parsed.success) return undefined;
  const { base_year: baseYear, horizon } = parsed.data.projection;
  const inflation = new Float64Array(horizon);
  for (let offset = 0; offset < horizon; offset += 1) inflation[offset] = assumptionValue(parsed.data.assumptions.inflation, baseYear + offset);
  return { baseYear, index: cumulativeIndex(inflation) };
}

const SCALES = [[1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']] as const;

/**
 * The unit for amounts up to `largest` (absolute, in the report's basis): the
 * largest power of 1000 that leaves at least three digits before the decimal point, up to billions.
 * @example unitScale(1.9e11) // [1e9, 'billion']
 */
export function unitScale(largest: number): readonly [number, string] {
  return SCALES.find(([scale]) => largest >= 100 * scale) ?? [1, ''];
}

/**
 * The unit of a table of amounts up to `largest`: millions from ten million
 * (as the terminal summary), thousands from ten thousand, else units. Tables
 * print one decimal, so they keep more digits than a chart's axis.
 * @example tableScale(1.9e12) // [1e6, 'million']
 */
export function tableScale(largest: number): readonly [number, string] {
  if (largest >= 1e7) return [1e6, 'million'];
  if (largest >= 1e4) return [1e3, 'thousand'];
  return [1, ''];
}

/**
 * The basis for a report. `wanted` real falls back to nominal when the run
 * record holds no inflation assumption (the explanation says so).
 * `largestNominal(deflate)` gives the largest absolute amount to be shown.
 */
export function moneyBasis(scheme: unknown, wanted: MoneyBasisKind, largest: (priceIndex: (year: number) => number) => number): MoneyBasis {
  const currency = (schemeFacts.shape.currency.safeParse((scheme as { currency?: unknown } | undefined)?.currency).data ?? '') || 'money units';
  const deflator = wanted === 'real' ? priceIndexOf(scheme) : undefined;
  const kind: MoneyBasisKind = deflator === undefined ? 'nominal' : 'real';
  const priceIndex = (year: number) => {
    if (deflator === undefined) return 1;
    return deflator.index[year - deflator.baseYear] ?? 1;
  };
  const [scale, word] = unitScale(largest(priceIndex));
  const currencyUnit = word === '' ? currency : `${currency} ${word}`;
  const unit = kind === 'real' ? `${currencyUnit}, ${deflator!.baseYear} prices` : `${currencyUnit}, money of each year`;
  const explanation = kind === 'real'
    ? `Amounts in ${deflator!.baseYear} prices: each year's amount divided by the price index Ip_t, the product of (1 + inflation) from ${deflator!.baseYear} to the year before, with the inflation assumption of the run record.`
    : wanted === 'real'
      ? 'Amounts nominal (money of each year): the run record holds no inflation assumption to deflate them with.'
      : 'Amounts nominal (money of each year), as in the CSV files.';
  return { kind, currency, scale, priceIndex, unit, explanation };
}
