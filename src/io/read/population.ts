/**
 * A member register merged as it is read. methodology §2: population rows with
 * the same key add up, and the core only ever uses a row's `count` and
 * `count × value` sums per cell. Rows that fall in the same cell before the
 * scheme's cap on credit bins — same group, sex, age, status and whole
 * credited years — are therefore merged into one row whose count is their
 * sum and whose per-head values are count-weighted averages: the core gets
 * the same sums (to rounding) from a few thousand rows instead of millions.
 * The key does not depend on the scheme, so the merged rows serve every
 * `--set` override of it.
 */
import type { PopulationRow } from '../../schema/tables.js';
import type { Located } from '../readTable.js';

/** The per-head columns: a merged row holds their count-weighted averages (§1: when cells merge, averages are head-count weighted). */
const PER_HEAD = ['credits', 'earnings', 'balance', 'own_balance', 'pension_monthly'] as const;
type PerHead = (typeof PER_HEAD)[number];

const STATUSES: readonly PopulationRow['status'][] = ['active', 'inactive', 'retired', 'disabled', 'survivor'];
const STATUS_INDEX = new Map(STATUSES.map((status, index) => [status, index]));

/**
 * Whole credited years of a row (§1, §2: its bin is `min(floor(credits), V)`),
 * before the cap V, which depends on the scheme. Rows differing here are never
 * merged, whatever V is. With foreign credits (§11) a row's bin is
 * `floor(credits + foreign_credits)` under totalization and `floor(credits)`
 * without it, so that the key would depend on the scheme: rows with foreign
 * credits merge only with rows of the very same foreign_credits (mergeKey),
 * which then need no averaging and keep both bins.
 */
export const creditYears = (row: PopulationRow): number => Math.floor(row.credits);

/** Bins above this get a text key (a numeric key would lose precision). */
const LARGEST_NUMERIC_BIN = 2 ** 20;

interface Entry {
  line: number;
  /** The first row of the key, returned as it is while no other row joins it. */
  first: PopulationRow;
  count: number;
  /** `Σ count × value` per PER_HEAD column, from the second row on. */
  sums: Float64Array | undefined;
  /** Some row of the key gave pension_monthly (an empty cell stays empty for member rows). */
  pensionGiven: boolean;
  /** The lowest and highest credits merged: the average is kept between them, so rounding cannot move it to another bin. */
  lowestCredits: number;
  highestCredits: number;
}

/** Ages a row may hold (src/schema/tables.ts: 0 to 130). */
const AGES = 131;

export class PopulationAggregate {
  private readonly entries = new Map<number | string, Entry>();
  private readonly groupIndex = new Map<string, number>();
  /** Rows added (lines of the file that became rows). */
  rowsAdded = 0;

  /** The merge key: group, sex, age, status and whole credited years. */
  private key(row: PopulationRow): number | string {
    let group = this.groupIndex.get(row.group);
    if (group === undefined) {
      group = this.groupIndex.size;
      this.groupIndex.set(row.group, group);
    }
    const bin = creditYears(row);
    const cell = (((group * 2 + (row.sex === 'F' ? 0 : 1)) * AGES + row.age) * 5 + STATUS_INDEX.get(row.status)!);
    // Foreign credits (§11) are rare: their rows take a text key that holds them exactly.
    if (row.foreign_credits !== 0) return `${cell}:${bin}:${row.foreign_credits}`;
    return bin < LARGEST_NUMERIC_BIN ? cell * LARGEST_NUMERIC_BIN + bin : `${cell}:${bin}`;
  }

  /**
   * Adds one valid row read on `line`. A row the caller will change again
   * (`owned` false: the plain-line reader fills one row object line after
   * line) is copied if kept.
   */
  add(line: number, row: PopulationRow, owned = true): void {
    this.rowsAdded += 1;
    const key = this.key(row);
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.entries.set(key, {
        line, first: owned ? row : { ...row }, count: row.count, sums: undefined, pensionGiven: row.pension_monthly !== undefined,
        lowestCredits: row.credits, highestCredits: row.credits,
      });
      return;
    }
    if (entry.sums === undefined) entry.sums = weightedValues(entry.first, entry.first.count);
    addWeighted(entry.sums, row, row.count);
    entry.count += row.count;
    entry.pensionGiven ||= row.pension_monthly !== undefined;
    entry.lowestCredits = Math.min(entry.lowestCredits, row.credits);
    entry.highestCredits = Math.max(entry.highestCredits, row.credits);
  }

  /** The merged rows, in the order their keys first appear, each on the line of its first row. */
  rows(): Located<PopulationRow>[] {
    return [...this.entries.values()].map(({ line, first, count, sums, pensionGiven, lowestCredits, highestCredits }) => {
      if (sums === undefined) return { line, row: first };
      // §1: a cell with no heads has every average 0.
      const average = (column: PerHead) => (count === 0 ? 0 : sums[PER_HEAD.indexOf(column)]! / count);
      const row: PopulationRow = {
        ...first,
        count,
        credits: Math.min(Math.max(average('credits'), lowestCredits), highestCredits),
        earnings: average('earnings'),
        balance: average('balance'),
        own_balance: average('own_balance'),
        pension_monthly: pensionGiven ? average('pension_monthly') : undefined,
      };
      return { line, row };
    });
  }
}

function weightedValues(row: PopulationRow, count: number): Float64Array {
  return Float64Array.of(count * row.credits, count * row.earnings, count * row.balance, count * row.own_balance, count * (row.pension_monthly ?? 0));
}

/** `sums += count × value` for each PER_HEAD column, in its order (written out: this runs once per line of a register). */
function addWeighted(sums: Float64Array, row: PopulationRow, count: number): void {
  sums[0]! += count * row.credits;
  sums[1]! += count * row.earnings;
  sums[2]! += count * row.balance;
  sums[3]! += count * row.own_balance;
  sums[4]! += count * (row.pension_monthly ?? 0);
}
