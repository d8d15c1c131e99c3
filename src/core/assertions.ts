/**
 * CI gates on a projection: `gap <= 0.12`, `reserve_ratio >= 2 to 2050`,
 * `depletion_year > 2090`. A small hand-written tokenizer and parser (never
 * eval) turns the text into data; `evaluateAssertion` checks it against a
 * projection's results.
 *
 * Grammar (whitespace between tokens is free):
 *
 *     assertion := subject operator number [range]
 *     subject   := an indicator of summary.json (gap, effective_rate,
 *                  actuarial_balance, depletion_year, first_deficit_year,
 *                  a present value by its name: pv_expenditure, …, or
 *                  present_values.<name>) | a projection.csv column
 *     operator  := < | <= | > | >= | == | !=
 *     number    := a decimal number, optionally signed, with an optional exponent
 *     range     := from YEAR [to YEAR] | to YEAR          (projection.csv columns only)
 *
 * `sipro simulate` (§10) also takes `depletion_probability`, `gap_p<q>`,
 * `actuarial_balance_p<q>` (summary.json's stochastic block) and the
 * percentile columns `reserve_ratio_p<q>`, `reserve_end_p<q>`,
 * `payg_cost_rate_p<q>` (percentiles.csv, with a year range like a column).
 *
 * Nulls: `depletion_year` and `first_deficit_year` compare as +infinity when
 * null (the event never happens within the horizon). Any other null — a ratio
 * whose divisor is 0 (§7) — behaves like NaN: every comparison with it fails
 * except `!=`, which holds.
 */
import { PROJECTION_COLUMNS } from './project.js';
import type { Indicators, PresentValues, ProjectionYear } from './types.js';

export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

const HEADLINE_INDICATORS = ['gap', 'effective_rate', 'actuarial_balance', 'depletion_year', 'first_deficit_year', 'gender_pension_gap'] as const;
const PRESENT_VALUES = [
  'pv_expenditure', 'pv_insured_earnings', 'pv_contributions', 'pv_matching', 'pv_care_credit_contributions', 'pv_contributions_and_matching',
  'pv_benefits', 'pv_administration', 'reserve_start', 'discount_factor_T', 'target_final_reserve',
] as const satisfies readonly (keyof PresentValues)[];
/** Indicators that are a year, or null when the event does not happen: null compares as +infinity. */
const EVENT_YEARS: ReadonlySet<string> = new Set(['depletion_year', 'first_deficit_year']);

export type HeadlineIndicator = (typeof HEADLINE_INDICATORS)[number];
export type PresentValueName = (typeof PRESENT_VALUES)[number];
export type ProjectionColumn = Exclude<(typeof PROJECTION_COLUMNS)[number], 'year'>;

/** §10: indicators of `sipro simulate` whose percentiles an assertion may name (`gap_p5`). */
const STOCHASTIC_INDICATORS = ['gap', 'actuarial_balance'] as const;
/** §10: percentiles.csv variables an assertion may name year by year (`reserve_ratio_p5 >= 1 to 2050`). */
const PERCENTILE_COLUMNS = ['reserve_ratio', 'reserve_end', 'payg_cost_rate'] as const;
export type StochasticIndicator = (typeof STOCHASTIC_INDICATORS)[number];
export type PercentileColumn = (typeof PERCENTILE_COLUMNS)[number];
const STOCHASTIC_PERCENTILE = new RegExp(`^(${STOCHASTIC_INDICATORS.join('|')})_p(\\d+(?:\\.\\d+)?)$`);
const PERCENTILE_COLUMN = new RegExp(`^(${PERCENTILE_COLUMNS.join('|')})_p(\\d+(?:\\.\\d+)?)$`);

/**
 * What an assertion is about: one number of summary.json, or one column of
 * projection.csv year by year; or, in `sipro simulate` only (§10), the
 * probability of depletion, a percentile of a scenario indicator, or a
 * percentile column of percentiles.csv.
 */
export type AssertionSubject =
  | { kind: 'indicator'; name: HeadlineIndicator }
  | { kind: 'present_value'; name: PresentValueName }
  | { kind: 'column'; name: ProjectionColumn }
  | { kind: 'depletion_probability'; name: 'depletion_probability' }
  | { kind: 'indicator_percentile'; name: StochasticIndicator; percentile: number }
  | { kind: 'percentile_column'; name: PercentileColumn; percentile: number };

/** Whether an assertion needs scenarios (§10): only `sipro simulate` can check it. */
export const isStochasticAssertion = (assertion: Assertion): boolean =>
  assertion.subject.kind === 'depletion_probability' || assertion.subject.kind === 'indicator_percentile' || assertion.subject.kind === 'percentile_column';

/** The percentile an assertion names (`reserve_ratio_p5` → 5), or undefined. */
export const assertionPercentile = (assertion: Assertion): number | undefined =>
  assertion.subject.kind === 'indicator_percentile' || assertion.subject.kind === 'percentile_column' ? assertion.subject.percentile : undefined;

export interface Assertion {
  /** The text as written, trimmed: how reports name the assertion. */
  text: string;
  subject: AssertionSubject;
  operator: ComparisonOperator;
  threshold: number;
  /** First and last year checked (inclusive), for columns; absent means the projection's first or last year. */
  from?: number;
  to?: number;
}

export interface AssertionSyntaxError {
  /** 1-based column of the offending character in the text as given. */
  column: number;
  /** `unexpected "=" at column 7: expected a number` */
  message: string;
  /** Set when the subject is not a known name, for a "did you mean" hint. */
  unknownName?: string;
}

export type AssertionParse = { ok: true; assertion: Assertion } | { ok: false; error: AssertionSyntaxError };

/** One value that broke an assertion: the year for columns, and the value (null when absent). */
export interface AssertionFailure {
  year?: number;
  value: number | null;
}

export interface AssertionOutcome {
  passed: boolean;
  failures: AssertionFailure[];
}

/** The names an assertion may start with, for help texts and "did you mean" hints. */
export const ASSERTION_SUBJECTS: readonly string[] = [
  ...HEADLINE_INDICATORS,
  ...PRESENT_VALUES.filter((name) => name !== 'reserve_start'),
  ...PRESENT_VALUES.map((name) => `present_values.${name}`),
  ...PROJECTION_COLUMNS.filter((name) => name !== 'year'),
  'depletion_probability',
  ...STOCHASTIC_INDICATORS.map((name) => `${name}_p5`),
  ...PERCENTILE_COLUMNS.map((name) => `${name}_p5`),
];

type Token =
  | { kind: 'name'; text: string; column: number }
  | { kind: 'number'; text: string; value: number; column: number }
  | { kind: 'operator'; text: ComparisonOperator; column: number }
  /** A character no token starts with: the parser reports it with what it expected there. */
  | { kind: 'other'; text: string; column: number }
  | { kind: 'end'; column: number };

type Tokens = { ok: true; tokens: Token[] } | { ok: false; error: AssertionSyntaxError };

const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPERATORS: readonly ComparisonOperator[] = ['<=', '>=', '==', '!=', '<', '>'];

/** Splits the text into names, numbers and operators, up to the first character that starts none of them. */
function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) { at += 1; continue; }
    const column = at + 1;
    NAME.lastIndex = at;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], column });
      at += name[0].length;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      // "2050abc" or "1.2.3": a number must end where a name or another number cannot go on.
      const next = text[at + number[0].length];
      if (next !== undefined && /[A-Za-z0-9_.]/.test(next)) {
        return { ok: false, error: unexpected(next, at + number[0].length + 1, 'a space or an operator after the number') };
      }
      tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), column });
      at += number[0].length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, at));
    if (operator) {
      tokens.push({ kind: 'operator', text: operator, column });
      at += operator.length;
      continue;
    }
    tokens.push({ kind: 'other', text: char, column });
    return { ok: true, tokens };
  }
  tokens.push({ kind: 'end', column: text.length + 1 });
  return { ok: true, tokens };
}

function unexpected(found: string, column: number, expected?: string): AssertionSyntaxError {
  const what = found === '' ? 'end of text' : JSON.stringify(found);
  return { column, message: `unexpected ${what} at column ${column}${expected === undefined ? '' : `: expected ${expected}`}` };
}

const tokenText = (token: Token) => (token.kind === 'end' ? '' : token.text);

/**
 * Parses one assertion. Errors name the 1-based column in `text` as given.
 * @example parseAssertion('reserve_ratio >= 2 to 2050') // {ok: true, assertion: {subject: {kind: 'column', name: 'reserve_ratio'}, operator: '>=', threshold: 2, to: 2050, …}}
 * @example parseAssertion('gap <== 1') // {ok: false, error: {column: 7, message: 'unexpected "=" at column 7: expected a number'}}
 */
export function parseAssertion(text: string): AssertionParse {
  const tokenized = tokenize(text);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.tokens;
  let position = 0;
  const peek = () => tokens[position]!;
  const fail = (expected: string): AssertionParse => ({ ok: false, error: unexpected(tokenText(peek()), peek().column, expected) });

  const first = peek();
  if (first.kind !== 'name') return fail('an indicator (gap, depletion_year, …) or a projection.csv column');
  const subject = subjectNamed(first.text);
  if (subject === undefined) {
    return {
      ok: false,
      error: {
        column: first.column,
        message: `unknown name "${first.text}" at column ${first.column}: expected an indicator of summary.json (gap, effective_rate, actuarial_balance, depletion_year, first_deficit_year, pv_…) or a column of projection.csv`,
        unknownName: first.text,
      },
    };
  }
  position += 1;
  const operator = peek();
  if (operator.kind !== 'operator') return fail('a comparison: < <= > >= == !=');
  position += 1;
  const threshold = peek();
  if (threshold.kind !== 'number') return fail('a number');
  position += 1;

  const assertion: Assertion = { text: text.trim(), subject, operator: operator.text, threshold: threshold.value };
  const rangeStart = peek();
  for (const keyword of ['from', 'to'] as const) {
    const word = peek();
    if (word.kind !== 'name' || word.text !== keyword) continue;
    if (subject.kind !== 'column' && subject.kind !== 'percentile_column') {
      return { ok: false, error: { column: word.column, message: `unexpected "${keyword}" at column ${word.column}: a year range applies only to projection.csv columns, and ${first.text} is a single number of summary.json` } };
    }
    position += 1;
    const year = peek();
    if (year.kind !== 'number' || !/^\d{4}$/.test(year.text)) return fail('a four-digit year');
    assertion[keyword] = year.value;
    position += 1;
  }
  if (peek().kind !== 'end') {
    return fail(rangeStart === peek() && (subject.kind === 'column' || subject.kind === 'percentile_column') ? 'the end, or a year range: from YEAR, to YEAR' : 'the end of the assertion');
  }
  if (assertion.from !== undefined && assertion.to !== undefined && assertion.from > assertion.to) {
    return { ok: false, error: { column: rangeStart.column, message: `the year range at column ${rangeStart.column} is empty: from ${assertion.from} is after to ${assertion.to}` } };
  }
  return { ok: true, assertion };
}

/** A headline indicator, a present value (bare or as `present_values.<name>`), or a projection column; bare `reserve_start` is the column. */
function subjectNamed(name: string): AssertionSubject | undefined {
  if ((HEADLINE_INDICATORS as readonly string[]).includes(name)) return { kind: 'indicator', name: name as HeadlineIndicator };
  if (name !== 'year' && (PROJECTION_COLUMNS as readonly string[]).includes(name)) return { kind: 'column', name: name as ProjectionColumn };
  if (name === 'depletion_probability') return { kind: 'depletion_probability', name };
  const indicatorPercentile = STOCHASTIC_PERCENTILE.exec(name);
  if (indicatorPercentile) return { kind: 'indicator_percentile', name: indicatorPercentile[1] as StochasticIndicator, percentile: Number(indicatorPercentile[2]) };
  const percentileColumn = PERCENTILE_COLUMN.exec(name);
  if (percentileColumn) return { kind: 'percentile_column', name: percentileColumn[1] as PercentileColumn, percentile: Number(percentileColumn[2]) };
  const presentValue = name.startsWith('present_values.') ? name.slice('present_values.'.length) : name;
  if ((PRESENT_VALUES as readonly string[]).includes(presentValue)) return { kind: 'present_value', name: presentValue as PresentValueName };
  return undefined;
}

/**
 * Why an assertion's year range cannot be checked against a projection of
 * `firstYear…lastYear`, or undefined when it can. A range reaching outside
 * the projection is refused rather than checked on the years that exist,
 * so that a gate never passes on fewer years than it names.
 * @example rangeProblem(parsed('reserve_ratio >= 2 to 2150'), 2025, 2099) // 'year 2150 is outside the projection (2025–2099)'
 */
export function rangeProblem(assertion: Assertion, firstYear: number, lastYear: number): string | undefined {
  const outside = [assertion.from, assertion.to].filter((year): year is number => year !== undefined && (year < firstYear || year > lastYear));
  if (outside.length === 0) return undefined;
  return `${outside.length === 1 ? 'year' : 'years'} ${outside.join(' and ')} ${outside.length === 1 ? 'is' : 'are'} outside the projection (${firstYear}–${lastYear})`;
}

/**
 * Whether `value operator threshold` holds. Null is +infinity for event
 * years; any other null holds only for `!=` (as NaN would).
 * @example compare(null, '>', 2090, true) // true: the reserve is never depleted
 */
export function compare(value: number | null, operator: ComparisonOperator, threshold: number, nullIsInfinity: boolean): boolean {
  const left = value === null ? (nullIsInfinity ? Number.POSITIVE_INFINITY : Number.NaN) : value;
  switch (operator) {
    case '<': return left < threshold;
    case '<=': return left <= threshold;
    case '>': return left > threshold;
    case '>=': return left >= threshold;
    case '==': return left === threshold;
    case '!=': return !(left === threshold);
  }
}

/** What `sipro simulate` adds for its assertions (§10), keyed by the names assertions use. */
export interface StochasticAssertionInput {
  depletion_probability: number;
  /** `gap_p5` → the 5th percentile of the scenarios' gap (null when empty). */
  indicatorPercentiles: ReadonlyMap<string, number | null>;
  /** `reserve_ratio_p5` → its value year by year. */
  percentileColumns: ReadonlyMap<string, readonly { year: number; value: number | null }[]>;
}

/** The part of a projection's results an assertion reads; `stochastic` only in `sipro simulate`. */
export interface AssertionInput {
  projection: readonly ProjectionYear[];
  indicators: Indicators;
  stochastic?: StochasticAssertionInput;
}

/** The §10 values of a stochastic subject, or an error: a command without scenarios must refuse such assertions first. */
function stochasticValues(subject: AssertionSubject, input: AssertionInput): { year?: number; value: number | null }[] {
  const stochastic = input.stochastic;
  const key = 'percentile' in subject ? `${subject.name}_p${String(subject.percentile)}` : subject.name;
  if (stochastic === undefined) throw new Error(`the assertion subject ${key} needs the scenarios of sipro simulate`);
  if (subject.kind === 'depletion_probability') return [{ value: stochastic.depletion_probability }];
  const values = subject.kind === 'indicator_percentile' ? [{ value: stochastic.indicatorPercentiles.get(key) }] : stochastic.percentileColumns.get(key);
  if (values === undefined || values.some((entry) => entry.value === undefined)) throw new Error(`no values for ${key}: is ${'percentile' in subject ? subject.percentile : ''} a listed percentile?`);
  return values as { year?: number; value: number | null }[];
}

/**
 * Checks an assertion. A column assertion must hold in every year of its
 * range (the whole projection by default); each year where it does not is a
 * failure. An indicator assertion has at most one failure, without a year.
 * @example evaluateAssertion(parsed('gap <= 0.12'), result) // {passed: false, failures: [{value: 0.156}]}
 */
export function evaluateAssertion(assertion: Assertion, result: AssertionInput): AssertionOutcome {
  const { subject, operator, threshold } = assertion;
  const failures: AssertionFailure[] = [];
  if (subject.kind === 'depletion_probability' || subject.kind === 'indicator_percentile' || subject.kind === 'percentile_column') {
    for (const { year, value } of stochasticValues(subject, result)) {
      if (year !== undefined && assertion.from !== undefined && year < assertion.from) continue;
      if (year !== undefined && assertion.to !== undefined && year > assertion.to) continue;
      if (!compare(value, operator, threshold, false)) failures.push(year === undefined ? { value } : { year, value });
    }
  } else if (subject.kind === 'column') {
    for (const row of result.projection) {
      if (assertion.from !== undefined && row.year < assertion.from) continue;
      if (assertion.to !== undefined && row.year > assertion.to) continue;
      const value = row[subject.name];
      if (!compare(value, operator, threshold, false)) failures.push({ year: row.year, value });
    }
  } else {
    const value = subject.kind === 'indicator' ? result.indicators[subject.name] : result.indicators.present_values[subject.name];
    if (!compare(value, operator, threshold, EVENT_YEARS.has(subject.name))) failures.push({ value });
  }
  return { passed: failures.length === 0, failures };
}

/** An assertion's outcome as summary.json and `--json` report it. */
export interface AssertionReport extends AssertionOutcome {
  /** The assertion's text. */
  assertion: string;
}

/**
 * Every assertion checked, in order.
 * @example checkAssertions([parsed('gap <= 0.2')], result) // [{assertion: 'gap <= 0.2', passed: true, failures: []}]
 */
export function checkAssertions(assertions: readonly Assertion[], result: AssertionInput): AssertionReport[] {
  return assertions.map((assertion) => ({ assertion: assertion.text, ...evaluateAssertion(assertion, result) }));
}

/** A `sipro compare` gate: about the difference B − A (`delta`), or about B alone. */
export type ComparisonAssertionParse = { ok: true; delta: boolean; assertion: Assertion } | { ok: false; error: AssertionSyntaxError };

const DELTA_PREFIX = /^\s*delta(?=\s)/;

/**
 * `sipro compare`'s gates: `delta ASSERTION`, an assertion of the grammar
 * above about the difference B − A — of an indicator, or of a projection.csv
 * column year by year — or a plain assertion, about B alone. How the
 * difference of an event year that is null on one side compares is
 * core/comparison.ts's `differenceOf`.
 *
 *     comparison := [delta] assertion
 *
 * Errors name columns in `text` as given, the prefix included.
 * @example parseComparisonAssertion('delta gap <= 0.01') // {ok: true, delta: true, assertion: {text: 'delta gap <= 0.01', subject: {kind: 'indicator', name: 'gap'}, …}}
 */
export function parseComparisonAssertion(text: string): ComparisonAssertionParse {
  const prefix = DELTA_PREFIX.exec(text);
  // The prefix is blanked, not cut, so that columns in messages stay those of the text as given.
  const parsed = parseAssertion(prefix === null ? text : `${' '.repeat(prefix[0].length)}${text.slice(prefix[0].length)}`);
  if (!parsed.ok) return parsed;
  return { ok: true, delta: prefix !== null, assertion: { ...parsed.assertion, text: text.trim() } };
}
