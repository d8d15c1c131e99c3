/**
 * Reading one column's cells fast while zod stays the only definition of what
 * a cell may hold. Each column's bounds are read from its zod schema (its
 * definition's checks: minimum, maximum, integer, the enum's values, …), so
 * the common valid cell is checked with a comparison or two. Every other cell — empty, invalid, or of
 * a column whose schema says more than these bounds — is judged by zod itself,
 * once per distinct text, and its message is zod's. A property test
 * (test/io/cells.test.ts) holds the fast path to zod's verdict.
 */
import { z } from 'zod';
import { cellKinds, numberOrAbsent } from '../../schema/tables.js';
import { describeIssue, fieldMessage } from '../describeIssue.js';
import { quoted } from './shown.js';

const zodOptions = { reportInput: true, error: describeIssue } as const;

/** Returned by `CellReader.read` for a cell that must be reported. */
export const INVALID: unique symbol = Symbol('invalid cell');

export interface CellReader {
  /** The cell's value as its schema outputs it, or INVALID. */
  read(cell: string): unknown;
  /** Why the cell is INVALID, as a message that names the column: `count "-3" must be a number >= 0`. */
  problem(cell: string): string;
}

export interface CellOptions {
  /** The decimal mark of number cells: `.` unless scheme.yaml's `csv.decimal` says `,`. */
  decimal: '.' | ',';
  /** The scheme file's name, for hints that point at its `csv:` section. */
  settingsFile: string;
}

type Bounds = { minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number; integer: boolean };
type FastCheck = { kind: 'number'; bounds: Bounds } | { kind: 'text'; values: ReadonlySet<string> | undefined; minLength: number };

const fastChecks = new WeakMap<z.ZodType, FastCheck | undefined>();

/** The fast check of a registered cell schema, derived from its definition; undefined when zod must judge every cell. */
export function fastCheckOf(schema: z.ZodType): FastCheck | undefined {
  if (!fastChecks.has(schema)) fastChecks.set(schema, deriveFastCheck(schema));
  return fastChecks.get(schema);
}

/**
 * A cell schema is `z.preprocess(read, inner)` (schema/tables.ts numberCell,
 * textCell): its bounds are inner's checks, under a default or optional,
 * read from the definitions zod keeps for library authors (`_zod.def`).
 * Anything else there — a refinement, another check — leaves the column to
 * zod. (They were read from z.toJSONSchema, 3 ms of a cold run;
 * test/io/cells.test.ts still compares the two.)
 */
function deriveFastCheck(schema: z.ZodType): FastCheck | undefined {
  const kind = cellKinds.get(schema)?.cell;
  const def = schema._zod.def;
  if (kind === undefined || def.type !== 'pipe' || (def.checks?.length ?? 0) > 0) return undefined;
  let inner = (def as z.core.$ZodPipeDef).out;
  while (inner._zod.def.type === 'default' || inner._zod.def.type === 'optional') inner = (inner._zod.def as z.core.$ZodDefaultDef).innerType;
  const { type, checks = [] } = inner._zod.def;
  const rules = checks.map((check) => check._zod.def);
  if (kind === 'number' && type === 'number') {
    const bounds: Bounds = { integer: false };
    for (const rule of rules) {
      if (rule.check === 'number_format' && (rule as z.core.$ZodCheckNumberFormatDef).format === 'safeint') {
        bounds.integer = true;
      } else if (rule.check === 'greater_than' || rule.check === 'less_than') {
        const { value, inclusive } = rule as z.core.$ZodCheckGreaterThanDef | z.core.$ZodCheckLessThanDef;
        if (typeof value !== 'number') return undefined;
        const key = rule.check === 'greater_than' ? (inclusive ? 'minimum' : 'exclusiveMinimum') : (inclusive ? 'maximum' : 'exclusiveMaximum');
        if (bounds[key] !== undefined) return undefined;
        bounds[key] = value;
      } else {
        return undefined;
      }
    }
    return { kind: 'number', bounds };
  }
  if (kind === 'text' && type === 'enum' && rules.length === 0) {
    return { kind: 'text', values: new Set(Object.values((inner._zod.def as z.core.$ZodEnumDef).entries).map(String)), minLength: 0 };
  }
  if (kind === 'text' && type === 'string') {
    let minLength = 0;
    for (const rule of rules) {
      if (rule.check !== 'min_length') return undefined;
      minLength = Math.max(minLength, (rule as z.core.$ZodCheckMinLengthDef).minimum);
    }
    return { kind: 'text', values: undefined, minLength };
  }
  return undefined;
}

const UNDECIDED: unique symbol = Symbol('undecided');

/** The fast check as one small function: the cell's value, or UNDECIDED when zod must judge it. */
function fastPath(check: FastCheck | undefined): (text: string) => unknown {
  if (check === undefined) return () => UNDECIDED;
  if (check.kind === 'text') {
    const { values, minLength } = check;
    if (values !== undefined) {
      return (text) => {
        const trimmed = text.trim();
        return values.has(trimmed) ? trimmed : UNDECIDED;
      };
    }
    return (text) => {
      const trimmed = text.trim();
      return trimmed !== '' && trimmed.length >= minLength ? trimmed : UNDECIDED;
    };
  }
  const within = withinBounds(check.bounds);
  return (text) => {
    const value = numberOrAbsent(text);
    if (typeof value !== 'number' || !Number.isFinite(value)) return UNDECIDED;
    return within(value) ? value : UNDECIDED;
  };
}

/** Whether a finite number passes a column's bounds (and is a safe integer where the column wants one). */
export function withinBounds(bounds: Bounds): (value: number) => boolean {
  const lowest = bounds.minimum ?? Number.NEGATIVE_INFINITY;
  const highest = bounds.maximum ?? Number.POSITIVE_INFINITY;
  const above = bounds.exclusiveMinimum ?? Number.NEGATIVE_INFINITY;
  const below = bounds.exclusiveMaximum ?? Number.POSITIVE_INFINITY;
  const integer = bounds.integer;
  return (value) => !(value < lowest || value > highest || value <= above || value >= below) && (!integer || Number.isSafeInteger(value));
}

/** Distinct texts remembered per column; beyond this the memory is cleared (a register's earnings are all distinct). */
const MEMO_SIZE = 10_000;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * The reader of one column. With `decimal: ','` a number cell's comma is read
 * as its decimal mark, and a point is refused: in such a file "1.234" is
 * likely a thousands separator, and reading it as 1.234 would be silently wrong.
 */
export function cellReader(name: string, schema: z.ZodType, options: CellOptions): CellReader {
  const check = fastCheckOf(schema);
  const memo = new Map<string, z.ZodSafeParseResult<unknown>>();
  const judge = (text: string) => {
    let parsed = memo.get(text);
    if (parsed === undefined) {
      if (memo.size >= MEMO_SIZE) memo.clear();
      parsed = schema.safeParse(text, zodOptions);
      memo.set(text, parsed);
    }
    return parsed;
  };
  const isNumber = cellKinds.get(schema)?.cell === 'number';
  const commaDecimal = options.decimal === ',' && isNumber;
  /** The text zod sees: a decimal comma becomes a point; undefined for a point in a decimal-comma file. */
  const normalise = (cell: string): string | undefined => {
    if (!commaDecimal) return cell;
    if (cell.includes('.')) return undefined;
    return cell.includes(',') ? cell.replace(',', '.') : cell;
  };

  const fast = fastPath(check);
  const decide = (text: string): unknown => {
    const value = fast(text);
    if (value !== UNDECIDED) return value;
    const parsed = judge(text);
    return parsed.success ? parsed.data : INVALID;
  };
  const read = commaDecimal
    ? (cell: string): unknown => {
      const text = normalise(cell);
      return text === undefined ? INVALID : decide(text);
    }
    : decide;

  const problem = (cell: string): string => {
    const text = normalise(cell);
    if (text === undefined) {
      return `${name} ${quoted(cell.trim())} must be written with a decimal comma (csv.decimal is "," in ${options.settingsFile}), without a thousands separator`;
    }
    const parsed = judge(text);
    if (parsed.success) return `${name} ${quoted(cell.trim())} cannot be read`; // not reached: read() accepted it
    const message = fieldMessage(name, cell.trim(), parsed.error.issues[0]!);
    if (isNumber && options.decimal === '.' && DECIMAL_COMMA.test(cell.trim())) {
      return `${message}: the file seems to use decimal commas; set csv.decimal: "," in ${options.settingsFile}`;
    }
    return message;
  };
  return { read, problem };
}
