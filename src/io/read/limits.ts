/**
 * How much sipro reads, at most. Each limit is far above what a real scheme
 * needs and stops a runaway input (a device, a file pointed at by mistake, a
 * hostile file) with a clear message instead of a stall or a crash. The README
 * ("What sipro reads") documents them; change both together.
 */

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/**
 * Bytes per file. A member register is streamed and merged as it is read, so
 * its limit is about time, not memory: 4 GiB is some 40 million member rows of
 * ~100 bytes. The other CSVs are held whole (rows per group, sex and age:
 * kilobytes in practice); the scheme file is parsed whole by the YAML parser.
 */
export const MAX_FILE_BYTES = {
  scheme: 1 * MIB,
  population: 4 * GIB,
  table: 256 * MIB,
  /**
   * A paths file (simulate --paths) is held as text: V8's longest string is
   * ~512 MiB (some 5 million scenario-years at ~100 bytes).
   */
  paths: 512 * MIB,
} as const;

/** A cell or header name longer than this is an error (a group name, a number or a sex is far shorter). */
export const MAX_CELL_CHARACTERS = 256;

/** A record (one row, with quoted line breaks) longer than this means a quote was never closed. */
export const MAX_RECORD_CHARACTERS = 1 * MIB;

/** Errors listed per file; the rest are counted in one closing line. */
export const MAX_ERRORS_PER_FILE = 100;

/** Nesting of `[` and `{` in scheme.yaml / scheme.json (a scheme needs about 6). */
export const MAX_NESTING = 64;

/** Alias expansions in scheme.yaml (`*name`) before the file is refused as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;

/** `4 GiB`, `256 MiB`, `12.3 MB`: a size as a message shows it. */
export function formatBytes(bytes: number): string {
  const units = [['GiB', GIB], ['MiB', MIB], ['KiB', 1024]] as const;
  for (const [unit, size] of units) {
    if (bytes >= size) return `${Number((bytes / size).toPrecision(3))} ${unit}`;
  }
  return `${bytes} bytes`;
}
