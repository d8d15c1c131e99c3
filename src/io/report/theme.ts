/**
 * The look of every chart: one font stack, a colour-blind-safe palette
 * (Okabe and Ito) with dash patterns as well as colour, quiet grids, and no
 * cut legend labels.
 */
export const FONT = '"Liberation Sans", Arial, Helvetica, sans-serif';

/** Okabe–Ito: distinguishable under the common colour-vision deficiencies. */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
  grey: '#6b6b6b',
  lightGrey: '#bdbdbd',
} as const;

/** Categorical order for series without a meaning of their own. */
export const CATEGORY_COLOURS = [PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.vermillion, PALETTE.purple, PALETTE.sky, PALETTE.yellow, PALETTE.grey];

/** Dash patterns that tell lines apart in print and without colour. */
export const DASHES: number[][] = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [3, 5]];

/** The width charts are drawn at (px), to fit the report's column on screen and an A4 page in print. */
export const CHART_WIDTH = 780;
export const CHART_HEIGHT = 260;

export const VEGA_LITE_CONFIG = {
  font: FONT,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    titleColor: '#333',
    labelColor: '#333',
    gridColor: '#e6e6e6',
    domainColor: '#888',
    tickColor: '#888',
    labelLimit: 0,
  },
  axisX: { grid: false },
  legend: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    labelLimit: 0,
    orient: 'bottom',
    direction: 'horizontal',
    columns: 3,
    symbolStrokeWidth: 2,
    columnPadding: 16,
  },
  line: { strokeWidth: 2 },
  text: { fontSize: 11, font: FONT },
  title: { fontSize: 13, font: FONT, anchor: 'start' },
} as const;
