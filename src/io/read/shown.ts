/**
 * User text as a message may show it. A file can hold anything: escape
 * sequences that would drive the terminal (ESC, CSI), invisible direction
 * overrides that reorder what the reader sees, a megabyte in one cell. A value
 * quoted in a message is therefore escaped and cut to a readable length.
 */
import { groupedCount } from '../groupedNumber.js';

/**
 * C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional
 * overrides and isolates ("Trojan source"): nothing a message should carry raw.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` with every unprintable character written as an escape (`\n`, `\u001b`),
 * the way JSON writes it; printable text comes back unchanged.
 * @example printable('a\u001b[31mb') // 'a\\u001b[31mb'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => NAMED[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Longest value a message quotes whole (characters). */
export const QUOTED_LENGTH = 60;

/**
 * A value quoted for a message: escaped, and cut after QUOTED_LENGTH
 * characters with its full length said.
 * @example quoted('abc') // '"abc"'
 * @example quoted('x'.repeat(1e6)) // '"xxxx…xxx…" (1,000,000 characters)'
 */
export function quoted(text: string): string {
  // JSON.stringify escapes the quote, the backslash and C0 controls; printable does the rest.
  if (text.length <= QUOTED_LENGTH) return printable(JSON.stringify(text));
  return `${printable(JSON.stringify(`${text.slice(0, QUOTED_LENGTH - 1)}…`))} (${count(text.length)} characters)`;
}

/** `1,048,576`: a count as a message shows it. */
export const count = groupedCount;
