/** Small shared pieces of the cross-file checks (methodology §2, §9). */
import { SEXES, type Sex } from '../../core/rules.js';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Located } from '../readTable.js';

/** The rows of one scheme table as the checks see them. */
export interface Table<T> {
  /** The file name as the user wrote it. */
  file: string;
  rows: readonly Located<T>[];
  /** Every record became a row (see TableRows.complete): absence checks run only then. */
  complete: boolean;
}

export type RowSex = Sex | '*';

/** The sexes a row applies to: `*` means both (§2). */
export const sexesOf = (sex: RowSex): readonly Sex[] => (sex === '*' ? SEXES : [sex]);

/** `sex F`, or `sexes F and M` when a fact holds for both. */
export const sexPhrase = (sexes: readonly Sex[]): string => (sexes.length > 1 ? `sexes ${sexes.join(' and ')}` : `sex ${sexes[0] ?? ''}`);

/** A number as a message shows it: at most 6 significant digits, no trailing zeros. */
export const formatNumber = (value: number): string => String(Number(value.toPrecision(6)));

export function diagnostic(severity: Severity, file: string, line: number | undefined, message: string, path?: string): Diagnostic {
  return { severity, file, ...(line === undefined ? {} : { line }), ...(path === undefined ? {} : { path }), message };
}

/**
 * Groups equal per-sex findings into one message: a `*` row that leaves the
 * same ages uncovered for both sexes is one fault, not two.
 */
export function bySexes<T>(findings: readonly { sex: Sex; key: string; value: T }[]): { sexes: Sex[]; value: T }[] {
  const merged = new Map<string, { sexes: Sex[]; value: T }>();
  for (const { sex, key, value } of findings) {
    const known = merged.get(key);
    if (known) known.sexes.push(sex);
    else merged.set(key, { sexes: [sex], value });
  }
  return [...merged.values()];
}

/** `ages 40-44, 50` or `age 40`: a sorted list of ages as ranges. */
export function describeAges(ages: readonly number[]): string {
  const ranges: string[] = [];
  let start = ages[0]!;
  let end = start;
  for (const age of ages.slice(1)) {
    if (age === end + 1) { end = age; continue; }
    ranges.push(start === end ? `${start}` : `${start}-${end}`);
    start = end = age;
  }
  ranges.push(start === end ? `${start}` : `${start}-${end}`);
  return `age${ages.length > 1 ? 's' : ''} ${ranges.join(', ')}`;
}
