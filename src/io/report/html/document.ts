/**
 * A report as data before it is HTML: a cover, numbered sections of blocks
 * (HTML or a chart), and the charts that could not be drawn. The folder
 * kinds build documents; page.ts turns one into a page.
 */
import type { ChartFigure, MissingChart } from '../chartFigure.js';
import type { RawHtml } from './escape.js';

export type Block = RawHtml | { figure: ChartFigure };

export interface ReportSection {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  /** What kind of report, e.g. `Projection report`. */
  kind: string;
  /** The scheme's name. */
  title: string;
  /** One line each under the title: base year, horizon, currency, money basis. */
  facts: string[];
  sections: ReportSection[];
  missing: MissingChart[];
  /** sipro version that wrote the report (the tool, not the run). */
  generator: string;
}

export const isFigure = (block: Block): block is { figure: ChartFigure } => 'figure' in block;

/** The figures of a document, in reading order. */
export const figuresOf = (document: ReportDocument): ChartFigure[] =>
  document.sections.flatMap((section) => section.blocks.filter(isFigure).map((block) => block.figure));

/** Charts and "could not draw" notes in one list, split apart. */
export function splitCharts(charts: readonly (ChartFigure | MissingChart)[]): { figures: ChartFigure[]; missing: MissingChart[] } {
  const figures: ChartFigure[] = [];
  const missing: MissingChart[] = [];
  for (const chart of charts) {
    if ('spec' in chart) figures.push(chart);
    else missing.push(chart);
  }
  return { figures, missing };
}
