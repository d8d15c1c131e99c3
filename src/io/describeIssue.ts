/**
 * zod issues in words. zod reports problems as data; this module turns one
 * issue into the second half of a diagnostic — what the value must be — so
 * that the reader can say `count "-3" must be a number >= 0` (STYLE.md,
 * message grammar: place, value quoted, what was expected).
 */
import type { z } from 'zod';
import { quoted } from './read/shown.js';
import { formatBound } from '../schema/bounds.js';

export type Issue = z.core.$ZodIssue;
export type IssuePath = readonly PropertyKey[];

/**
 * Replaces a union issue by the issues of the branch that accepted the
 * value's kind (a map given for a year map, say), with full paths, so the
 * message names the faulty entry instead of "invalid input". A union where no
 * branch accepted the kind stays as it is (described by `describeIssue`).
 */
export function flattenIssue(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const specific = issue.errors.filter((branch) => !branch.every(isKindMismatch));
  const chosen = specific[0];
  if (chosen === undefined) return [issue];
  return chosen.flatMap((inner) => flattenIssue({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
}

const isKindMismatch = (issue: Issue) => issue.code === 'invalid_type' && issue.path.length === 0;

/**
 * zod's error map for sipro: what was expected, as a phrase that follows the
 * field and its value — "must be a number >= 0", "must be F or M", "is
 * required". Pass it to `safeParse(data, { error: describeIssue })`; a
 * message written in the schema itself (a refine's, a regex's) still wins.
 * @example describeIssue({code: 'too_small', origin: 'number', minimum: 0, inclusive: true, input: -3}) // 'must be a number >= 0'
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${kindOf(issue.expected)}`;
    case 'too_small':
      return describeBound(issue.origin, issue.inclusive ? '>=' : '>', issue.minimum, 'at least');
    case 'too_big':
      return describeBound(issue.origin, issue.inclusive ? '<=' : '<', issue.maximum, 'at most');
    case 'invalid_value': {
      // Punctuation (a CSV delimiter, say) is quoted, or `one of ,, ;` could not be read.
      const values = issue.values.map(String);
      return `must be ${oneOf(values.every((value) => /^[\w*.-]+$/.test(value)) ? values : values.map((value) => JSON.stringify(value)))}`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union': {
      const kinds = issue.errors.flatMap((branch) => branch.filter(isKindMismatch).map((inner) => kindOf((inner as { expected: string }).expected, true)));
      return kinds.length > 0 ? `must be ${[...new Set(kinds)].join(' or ')}` : 'does not match any accepted form';
    }
    case 'invalid_key':
      return issue.issues[0]?.message ?? 'is not an accepted key';
    case 'unrecognized_keys':
      return `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    default:
      return undefined;
  }
}

function describeBound(origin: string, operator: string, bound: number | bigint, words: string): string {
  if (origin === 'array' || origin === 'set') return `must list ${words} ${String(bound)} item${bound === 1 ? '' : 's'}`;
  if (origin === 'string') return Number(bound) === 1 && words === 'at least' ? 'must not be empty' : `must have ${words} ${String(bound)} characters`;
  return `must be a number ${operator} ${typeof bound === 'number' ? formatBound(bound) : String(bound)}`;
}

/**
 * The kind of value a type check wanted. In the scheme's unions an `object`
 * is a by-sex `{F, M}` map and a `record` a year map (src/schema/scheme.ts).
 */
function kindOf(expected: string, inUnion = false): string {
  switch (expected) {
    case 'number': return 'a number';
    case 'int': return 'a whole number';
    case 'string': return 'text';
    case 'boolean': return 'true or false';
    case 'array': return 'a list';
    case 'object': return inUnion ? 'a map {F: …, M: …}' : 'a map';
    case 'record': return inUnion ? 'a map year -> number' : 'a map';
    case 'null': return 'null';
    default: return `a ${expected}`;
  }
}

/** "F or M", "one of active, inactive, retired". */
export function oneOf(values: readonly string[]): string {
  if (values.length <= 2) return values.join(' or ');
  return `one of ${values.join(', ')}`;
}

/**
 * The value as the message quotes it: `"200"`, `"abc"`; undefined for maps,
 * lists and absent values, which are not quoted. Text is escaped and a long
 * text cut (src/io/read/shown.ts).
 */
export function quoteValue(value: unknown): string | undefined {
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `"${String(value)}"`;
  return undefined;
}

/**
 * One field's message: `count "-3" must be a number >= 0`. An empty value
 * (null in YAML, an empty CSV cell) says so instead of quoting nothing.
 */
export function fieldMessage(field: string, value: unknown, issue: Issue): string {
  const phrase = issue.message;
  if (value === null || value === '') return phrase === 'is required' ? `${field} is empty but required` : `${field} is empty but ${phrase}`;
  const quoted = quoteValue(value);
  return quoted === undefined ? `${field} ${phrase}` : `${field} ${quoted} ${phrase}`;
}

/** `benefits.health.annual_cost[1].age_to`: dotted names, list positions in brackets. */
export function formatPath(path: IssuePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
