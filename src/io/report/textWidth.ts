/**
 * Text widths for charts rendered without a canvas. Vega guesses 0.8 em a
 * character without one, which cuts legend labels and pushes titles off the
 * plot; these are the advance widths of Helvetica's metrics (Adobe's AFM,
 * thousandths of an em), which Arial and Liberation Sans share, so the
 * widths hold for the fonts the report asks for on screen and in print.
 */
const REGULAR: Readonly<Record<string, number>> = {
  ' ': 278, '!': 278, '"': 355, '#': 556, $: 556, '%': 889, '&': 667, "'": 191, '(': 333, ')': 333, '*': 389,
  '+': 584, ',': 278, '-': 333, '.': 278, '/': 278, ':': 278, ';': 278, '<': 584, '=': 584, '>': 584, '?': 556,
  '@': 1015, A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611, '[': 278,
  '\\': 278, ']': 278, '^': 469, _: 556, '`': 333, a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556,
  i: 222, j: 222, k: 500, l: 222, m: 833, n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500,
  w: 722, x: 500, y: 500, z: 500, '{': 334, '|': 260, '}': 334, '~': 584, '–': 556, '—': 1000, '−': 584, '×': 584,
  '÷': 584, '·': 278, '≥': 549, '≤': 549, 'Δ': 612, '€': 556, '°': 400, '’': 222, '‘': 222,
};

/** Helvetica-Bold, where it differs from the regular face. */
const BOLD: Readonly<Record<string, number>> = {
  '!': 333, '"': 474, "'": 238, ':': 333, ';': 333, '?': 611, '@': 975, A: 722, B: 722, J: 556, K: 722, L: 611,
  a: 556, b: 611, c: 556, d: 611, f: 333, g: 611, h: 611, i: 278, j: 278, k: 556, l: 278, m: 889, n: 611, o: 611,
  p: 611, q: 611, r: 389, s: 556, t: 333, u: 611, v: 556, w: 778, x: 556, y: 556, '[': 333, ']': 333, '^': 584,
  '{': 389, '|': 280, '}': 389,
};

const DIGIT = 556;
const OTHER = 556;

/**
 * The width in pixels of `text` at `fontSize` px.
 * @example textWidth('GAP', 10, false) // 21.12 (667 + 778 + 667 thousandths of 10 px)
 */
export function textWidth(text: string, fontSize: number, bold: boolean): number {
  let thousandths = 0;
  for (const character of text) {
    if (character >= '0' && character <= '9') thousandths += DIGIT;
    else thousandths += (bold ? BOLD[character] : undefined) ?? REGULAR[character] ?? OTHER;
  }
  return (thousandths * fontSize) / 1000;
}

/** A Vega text item: what its width depends on. */
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  text?: unknown;
}

/** vega.textMetrics.width's signature: (item, text) → px. */
export function vegaTextWidth(item: TextItem, text?: unknown): number {
  const value = text ?? item.text;
  const line = Array.isArray(value) ? value.map(String).reduce((longest, part) => (part.length > longest.length ? part : longest), '') : String(value ?? '');
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
  return textWidth(line, item.fontSize ?? 11, bold);
}
