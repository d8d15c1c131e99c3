/**
 * "Did you mean": the known name closest to a misspelt one, so that an
 * unknown column or key tells the user how to fix it when the fix is obvious.
 */

/**
 * The candidate within two edits of `word` (case ignored), or undefined.
 * @example closestName('sesaon_1', ['season_1', 'sex']) // 'season_1'
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const allowed = Math.min(2, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a 10 MB cell is never
    // compared letter by letter (the table would need 10 MB × the candidate's length).
    if (Math.abs(word.length - candidate.length) > allowed) continue;
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Two edits catch a swapped pair or a missing letter; more suggests nonsense.
  return bestDistance <= allowed ? best : undefined;
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[] = new Array<number>(rows * columns).fill(0);
  const at = (i: number, j: number) => table[i * columns + j]!;
  for (let i = 0; i < rows; i += 1) table[i * columns] = i;
  for (let j = 0; j < columns; j += 1) table[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, at(i - 2, j - 2) + 1);
      table[i * columns + j] = distance;
    }
  }
  return at(rows - 1, columns - 1);
}

/** `; did you mean "season_1"?`, or the empty string when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestName(word, candidates);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}
