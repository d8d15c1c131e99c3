/**
 * A zip (an .xlsx) with every entry's modification time set to the DOS
 * epoch, 1980-01-01 00:00. The zip writer under exceljs stamps entries with
 * the clock; without this, the same results would give different bytes at
 * every run.
 */
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** DOS date of 1980-01-01: (year − 1980) << 9 | month << 5 | day. */
const EPOCH_DATE = (1 << 5) | 1;

/** Rewrites the date and time fields of every local and central header, in place. Throws on a zip it cannot read. */
export function normaliseZipDates(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let entry = 0; entry < entries; entry += 1) {
    if (view.getUint32(offset, true) !== CENTRAL_HEADER) throw new Error(`not a zip: no central header at ${offset}`);
    view.setUint16(offset + 12, 0, true);
    view.setUint16(offset + 14, EPOCH_DATE, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error(`not a zip: no local header at ${local}`);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, EPOCH_DATE, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return zip;
}
