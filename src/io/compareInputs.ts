/**
 * What `sipro compare` compares: a `sipro project` output folder read back
 * (projection.csv, summary.json, scaled_premium.csv), or a scheme to project
 * — told apart by the files a folder holds — and whether two of them cover
 * the same years, without which a difference year by year means nothing.
 */
import { readdir, stat } from 'node:fs/promises';
import type { AssertionInput } from '../core/assertions.js';
import { PROJECTION_COLUMNS } from '../core/project.js';
import type { Indicators, ProjectionYear, ScaledPremiumPeriod } from '../core/types.js';
import type { Diagnostic } from './diagnostics.js';
import { folderKind, readOutputFolder } from './report/outputFolder.js';
import { records, type Cell, type OutputTable } from './report/outputTable.js';
import type { RunRecordFile } from './report/summaryFile.js';

/** One side of a comparison, whatever it was read from. */
export interface ComparedSide extends AssertionInput {
  /** As the user named it. */
  label: string;
  kind: 'scheme' | 'output';
  /** The scheme's name (an output folder's summary.json records it), if known. */
  name: string | undefined;
  currency: string;
  /** The projection.csv columns this side has (an output folder of another version may lack some). */
  columns: readonly string[];
  scaledPremium: readonly ScaledPremiumPeriod[] | undefined;
  /** The run record of the side's projection: how to reproduce it. */
  run: unknown;
}

/**
 * How `path` is to be read: a project output folder, a scheme (folder or
 * file), or another kind of output folder (refused, with its kind).
 */
export async function compareSourceKind(path: string): Promise<'output' | 'scheme' | { other: string }> {
  let names: Set<string>;
  try {
    if (!(await stat(path)).isDirectory()) return 'scheme';
    names = new Set(await readdir(path));
  } catch {
    return 'scheme'; // the scheme reader words a missing path as sipro validate does
  }
  if (names.has('scheme.yaml') || names.has('scheme.yml') || names.has('scheme.json')) return 'scheme';
  const kind = folderKind(names)?.kind;
  if (kind === 'project') return 'output';
  return kind === undefined ? 'scheme' : { other: kind };
}

const numberOrNull = (cell: Cell | undefined): number | null => (typeof cell === 'number' ? cell : null);

/** projection.csv rows with every column of this version (null where the file has none). */
function projectionRows(table: OutputTable): ProjectionYear[] {
  return records(table).map((record) =>
    Object.fromEntries(PROJECTION_COLUMNS.map((column) => [column, numberOrNull(record[column])])) as unknown as ProjectionYear);
}

function scaledPremiumRows(table: OutputTable | undefined): ScaledPremiumPeriod[] | undefined {
  if (table === undefined) return undefined;
  return records(table).map((record) => ({
    period_start: numberOrNull(record['period_start'])!,
    period_end: numberOrNull(record['period_end'])!,
    premium: numberOrNull(record['premium']),
    reserve_start: numberOrNull(record['reserve_start'])!,
    reserve_end: numberOrNull(record['reserve_end']),
  }));
}

/**
 * A project output folder as one side of a comparison: its years, its
 * indicators as summary.json holds them, its scaled premiums if written.
 * @param label the folder as the user named it, for messages
 */
export async function readProjectOutput(path: string, label: string): Promise<{ ok: true; side: ComparedSide } | { ok: false; diagnostics: Diagnostic[] }> {
  const read = await readOutputFolder(path, label);
  if (!read.ok) return read;
  const { folder } = read;
  const projection = folder.tables.get('projection.csv')!;
  const summary = folder.summary ?? {};
  const run = summary.run as (RunRecordFile & { scheme?: { name?: unknown; currency?: unknown } }) | undefined;
  const { present_values: presentValues, gender_pension_gap: genderGap } = summary;
  const indicators = {
    gap: summary.gap ?? null,
    effective_rate: summary.effective_rate ?? null,
    actuarial_balance: summary.actuarial_balance ?? null,
    depletion_year: summary.depletion_year ?? null,
    first_deficit_year: summary.first_deficit_year ?? null,
    ...(genderGap === undefined ? {} : { gender_pension_gap: genderGap }),
    present_values: presentValues ?? {},
  } as unknown as Indicators;
  return {
    ok: true,
    side: {
      label,
      kind: 'output',
      name: typeof run?.scheme?.name === 'string' ? run.scheme.name : undefined,
      currency: typeof run?.scheme?.currency === 'string' ? run.scheme.currency : '',
      projection: projectionRows(projection),
      indicators,
      columns: projection.columns,
      scaledPremium: scaledPremiumRows(folder.tables.get('scaled_premium.csv')),
      run: summary.run,
    },
  };
}

/** First and last year of a side, and how many years. */
const span = (side: ComparedSide) => {
  const years = side.projection.map((row) => row.year);
  return { first: years[0], last: years[years.length - 1], count: years.length, years };
};

const described = (label: string, side: ComparedSide) => {
  const { first, last, count } = span(side);
  return count === 0 ? `${label} has no years` : `${label} covers ${first}–${last} (${count} year${count === 1 ? '' : 's'})`;
};

/**
 * Why `a` and `b` cannot be compared year by year (a different base year
 * or horizon), or undefined when they cover the same years.
 * @example comparabilityProblem(a, b) // {file: 'B', message: 'B covers 2026–2075 (50 years) but A covers 2025–2099 (75 years): compare needs the same base year and horizon'}
 */
export function comparabilityProblem(a: ComparedSide, b: ComparedSide): Diagnostic | undefined {
  const [spanA, spanB] = [span(a), span(b)];
  const same = spanA.count > 0 && spanA.count === spanB.count && spanA.years.every((year, index) => year === spanB.years[index]);
  if (same) return undefined;
  return {
    severity: 'error',
    file: b.label,
    message: `${described('B', b)} but ${described('A', a)}: compare needs the same base year and horizon (projection.base_year, projection.horizon)`,
  };
}
