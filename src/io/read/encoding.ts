/**
 * Which text a file holds. sipro reads UTF-8 (with or without a byte-order
 * mark). A file saved as UTF-16, Latin-1 or Windows-1252, or a workbook
 * given where a CSV is expected, would otherwise come out as a stream of odd
 * errors: it gets one message that names what the file is and how to save it.
 */
import { isUtf8 } from 'node:buffer';

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);

/**
 * What is wrong with a file whose first bytes are `head` (a few KiB are
 * enough), or undefined when it may be UTF-8 text.
 * @example binaryProblem(Buffer.from([0x50, 0x4b, 3, 4])) // 'is a zip archive, not a text file…'
 */
export function binaryProblem(head: Uint8Array): string | undefined {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipProblem(head);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'is an Excel 97-2003 workbook (.xls), not a CSV: open it in Excel and save it as "CSV UTF-8 (Comma delimited)"';
  }
  if (startsWith(head, [0xff, 0xfe, 0, 0]) || startsWith(head, [0, 0, 0xfe, 0xff])) return `is encoded as UTF-32, not UTF-8: ${SAVE_AS_UTF8}`;
  if (startsWith(head, [0xff, 0xfe])) return `is encoded as UTF-16 (little-endian), not UTF-8: ${SAVE_AS_UTF8}`;
  if (startsWith(head, [0xfe, 0xff])) return `is encoded as UTF-16 (big-endian), not UTF-8: ${SAVE_AS_UTF8}`;
  // Text holds no zero byte: the native search settles most files without the count's loop.
  if (!head.includes(0)) return undefined;
  const zeros = zeroBytes(head);
  // UTF-16 without a byte-order mark: ASCII text with a zero after (LE) or before (BE) every character.
  const pairs = Math.floor(head.length / 2);
  if (zeros.odd >= pairs * 0.9 && zeros.even === 0) return `is encoded as UTF-16 (little-endian), not UTF-8: ${SAVE_AS_UTF8}`;
  if (zeros.even >= pairs * 0.9 && zeros.odd === 0) return `is encoded as UTF-16 (big-endian), not UTF-8: ${SAVE_AS_UTF8}`;
  return 'holds zero bytes: it is a binary file, not text';
}

function zeroBytes(head: Uint8Array): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let index = 0; index < head.length; index += 1) {
    if (head[index] !== 0) continue;
    if (index % 2 === 0) even += 1;
    else odd += 1;
  }
  return { even, odd };
}

/** A zip archive: an Excel workbook, an OpenDocument spreadsheet, or another archive. */
function zipProblem(head: Uint8Array): string {
  const names = Buffer.from(head).toString('latin1');
  if (names.includes('opendocument.spreadsheet')) {
    return 'is an OpenDocument spreadsheet (.ods), not a CSV: save it as "Text CSV" with UTF-8 characters';
  }
  if (names.includes('[Content_Types].xml') || names.includes('xl/')) {
    return 'is an Excel workbook (.xlsx), not a CSV: open it in Excel and save it as "CSV UTF-8 (Comma delimited)"';
  }
  return 'is a zip archive, not a text file: extract the CSV from it';
}

/** Bytes of a UTF-8 sequence that starts with `lead`, or 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Where `bytes` stop being valid UTF-8: the offset of the first bad byte, or
 * -1 when they are valid (a sequence cut by the end counts as valid: the next
 * chunk may complete it, see `completeLength`).
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  const complete = completeLength(bytes);
  if (isUtf8(bytes.subarray(0, complete))) return -1;
  // Rare path: find the byte, so that the message can name it and its line.
  for (let index = 0; index < complete;) {
    const length = sequenceLength(bytes[index]!);
    if (length === 0 || index + length > complete) return index;
    if (!isUtf8(bytes.subarray(index, index + length))) return index;
    index += length;
  }
  return -1;
}

/** How many leading bytes hold whole UTF-8 sequences: a multi-byte character cut at the end is left for the next chunk. */
export function completeLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(3, end); back += 1) {
    const byte = bytes[end - back]!;
    if (byte < 0x80) return end; // ASCII: nothing is cut
    if (byte >= 0xc0) return sequenceLength(byte) > back ? end - back : end; // a lead byte: is its sequence complete?
  }
  return end;
}

/**
 * The message for a byte that is not UTF-8. Latin-1 and Windows-1252 write
 * é as the single byte 0xE9, which UTF-8 never allows alone: that is by far
 * the usual cause.
 */
export function invalidUtf8Problem(byte: number): string {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  const guess = byte >= 0x80 ? ': the file looks saved as Latin-1 or Windows-1252 (where é, for one, is a single byte)' : '';
  return `byte 0x${hex} is not UTF-8${guess}; ${SAVE_AS_UTF8}`;
}
