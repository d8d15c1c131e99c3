/**
 * `--years`: which years a table shows. A comma list of years and ranges,
 * a range being `FROM:TO` or `FROM:TO:STEP`, either end optional (the first
 * or last year of the projection): `2025,2030,2050`, `2025:2099:5`, `::10`.
 */

export type YearsItem = { year: number } | { from: number | undefined; to: number | undefined; step: number };

export type ParsedYears = { ok: true; items: YearsItem[] } | { ok: false; message: string };

/**
 * Parses the option's text (not yet checked against a projection).
 * @example parseYearsOption('2025,2030:2040:5').items // [{year: 2025}, {from: 2030, to: 2040, step: 5}]
 */
export function parseYearsOption(text: string): ParsedYears {
  const items: YearsItem[] = [];
  for (const part of text.split(',').map((item) => item.trim())) {
    const single = /^\d{4}$/.exec(part);
    if (single) {
      items.push({ year: Number(part) });
      continue;
    }
    const range = /^(\d{4})?:(\d{4})?(?::(\d+))?$/.exec(part);
    if (!range) return { ok: false, message: `"${part}" is not a year (2030) or a range (2025:2099 or 2025:2099:5)` };
    const step = range[3] === undefined ? 1 : Number(range[3]);
    if (step < 1) return { ok: false, message: `"${part}": the step must be a whole number >= 1` };
    const from = range[1] === undefined ? undefined : Number(range[1]);
    const to = range[2] === undefined ? undefined : Number(range[2]);
    if (from !== undefined && to !== undefined && from > to) return { ok: false, message: `"${part}": the range runs backwards (${from} > ${to})` };
    items.push({ from, to, step });
  }
  return { ok: true, items };
}

/**
 * The years the items name within a projection's `years` (ascending, each
 * once), or a message naming the first year outside it.
 * @example resolveYears(parsed('::25').items, [2025 … 2099]) // [2025, 2050, 2075]
 */
export function resolveYears(items: readonly YearsItem[], years: readonly number[]): { ok: true; years: number[] } | { ok: false; message: string } {
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const chosen = new Set<number>();
  const outside = (year: number) => year < first || year > last;
  for (const item of items) {
    if ('year' in item) {
      if (outside(item.year)) return { ok: false, message: `${item.year} is outside the projection (${first}–${last})` };
      chosen.add(item.year);
      continue;
    }
    const from = item.from ?? first;
    const to = item.to ?? last;
    if (outside(from) || outside(to)) return { ok: false, message: `${from}:${to} reaches outside the projection (${first}–${last})` };
    for (let year = from; year <= to; year += item.step) chosen.add(year);
  }
  return { ok: true, years: years.filter((year) => chosen.has(year)) };
}

/**
 * `--years` for a scheme about to be projected: the years it names among
 * t0 … t0 + n − 1, or a usage error's message. Undefined option: undefined.
 */
export function yearsOption(text: string | undefined, baseYear: number, horizon: number): { ok: true; years: number[] | undefined } | { ok: false; message: string } {
  if (text === undefined) return { ok: true, years: undefined };
  const parsed = parseYearsOption(text);
  if (!parsed.ok) return { ok: false, message: `--years "${text}": ${parsed.message}` };
  const resolved = resolveYears(parsed.items, Array.from({ length: horizon }, (_, offset) => baseYear + offset));
  return resolved.ok ? resolved : { ok: false, message: `--years "${text}": ${resolved.message}` };
}
