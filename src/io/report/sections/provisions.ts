/**
 * The scheme as run, from the run record of summary.json (methodology §9): the
 * economic assumptions, the groups, and every provision flattened to
 * `path → value` for the appendix.
 */
import { grouped, percent } from '../format.js';
import { html, type RawHtml } from '../html/escape.js';
import { definitionTable, htmlTable } from '../html/tables.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isYearMap = (value: object): value is Record<string, number> =>
  !Array.isArray(value) && Object.keys(value).length > 0 && Object.entries(value).every(([key, entry]) => /^\d{4}$/.test(key) && typeof entry === 'number');

/** A value as text: numbers as written, year maps as `2025: 0.055; 2035: 0.05`, lists joined. */
export function provisionText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(provisionText).join(', ');
  if (isYearMap(value)) return Object.entries(value).map(([year, entry]) => `${year}: ${entry}`).join('; ');
  return JSON.stringify(value);
}

/**
 * Every leaf of the scheme as `[path, text]`, in the scheme's key order. A
 * year map or a list of numbers is one leaf; a list of objects (income
 * classes, health bands) gives one leaf per field of each element.
 * @example flattenProvisions({reserve: {initial: 5}}) // [['reserve.initial', '5']]
 */
export function flattenProvisions(value: unknown, path = ''): [string, string][] {
  if (value !== null && typeof value === 'object' && !isYearMap(value)) {
    if (Array.isArray(value) && value.every((entry) => entry === null || typeof entry !== 'object')) return [[path, provisionText(value)]];
    const entries = Array.isArray(value) ? value.map((entry, index) => [`[${index}]`, entry] as const) : Object.entries(value as Record<string, Json>);
    if (entries.length === 0) return [[path, Array.isArray(value) ? 'none' : '{}']];
    return entries.flatMap(([key, entry]) => flattenProvisions(entry, path === '' ? key : key.startsWith('[') ? `${path}${key}` : `${path}.${key}`));
  }
  return [[path, provisionText(value)]];
}

/** An assumption (rate) as text: `5.50%`, or a step path `2025: 5.50% · 2035: 5.00%`. */
export function rateAssumptionText(value: unknown, nullMeaning: string): string {
  if (value === null || value === undefined) return nullMeaning;
  if (typeof value === 'number') return percent(value);
  if (typeof value === 'object' && isYearMap(value)) {
    return Object.entries(value).map(([year, rate]) => `from ${year}: ${percent(rate)}`).join(' · ');
  }
  return provisionText(value);
}

const get = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);

const moneyText = (value: unknown, currency: unknown) =>
  typeof value === 'number' ? `${grouped(value, 0)}${typeof currency === 'string' && currency !== '' ? ` ${currency}` : ''}` : provisionText(value);

/** The economic assumptions and projection frame, as a table. */
export function economicAssumptions(scheme: unknown): RawHtml {
  const rows: [string, string][] = [
    ['Base year and horizon', `${provisionText(get(scheme, 'projection', 'base_year'))}, ${provisionText(get(scheme, 'projection', 'horizon'))} years`],
    ['Ages projected', `${provisionText(get(scheme, 'projection', 'min_age'))} to ${provisionText(get(scheme, 'projection', 'max_age'))}`],
    ['Wage growth (a year)', rateAssumptionText(get(scheme, 'assumptions', 'wage_growth'), 'none')],
    ['Inflation (a year)', rateAssumptionText(get(scheme, 'assumptions', 'inflation'), 'none')],
    ['Investment return (a year)', rateAssumptionText(get(scheme, 'assumptions', 'investment_return'), 'none')],
    ['Discount rate (a year)', rateAssumptionText(get(scheme, 'assumptions', 'discount_rate'), 'the investment return of each year')],
    ['Initial reserve (money of the base year)', moneyText(get(scheme, 'reserve', 'initial'), get(scheme, 'currency'))],
  ];
  return definitionTable(rows, 'Economic assumptions (a rate given from a year holds until the next year given)');
}

/** One row per group: behaviour and entrants. */
export function groupTable(scheme: unknown): RawHtml {
  const groups = get(scheme, 'groups');
  if (groups === null || typeof groups !== 'object') return html``;
  const rows = Object.entries(groups as Record<string, unknown>).map(([name, group]) => [
    name,
    provisionText(get(group, 'compliance')),
    provisionText(get(group, 'declared_share')),
    provisionText(get(group, 'entrants', 'count')),
    rateAssumptionText(get(group, 'entrants', 'growth'), 'none'),
    provisionText(get(group, 'contributions', 'rule') ?? get(scheme, 'contributions', 'rule')),
  ]);
  return htmlTable(
    [{ label: 'Group' }, { label: 'Compliance', numeric: true }, { label: 'Declared share of income', numeric: true }, { label: 'Entrants in the base year', numeric: true }, { label: 'Entrants\' growth', numeric: true }, { label: 'Contribution rule' }],
    rows,
    { caption: 'Groups of members', rowHeaders: true },
  );
}

/** Every provision as `path: value` (the appendix). */
export function provisionsTable(scheme: unknown): RawHtml {
  const rows = flattenProvisions(scheme).map(([path, text]) => [html`<code>${path}</code>`, text] as const);
  return htmlTable([{ label: 'Field of the scheme (scheme.yaml, defaults filled in)' }, { label: 'Value' }], rows, { className: 'wide' });
}
