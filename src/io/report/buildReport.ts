/**
 * An output folder to one HTML page: the folder's kind picks the document,
 * the charts are rendered to SVG, and the page is assembled. Deterministic:
 * nothing here reads a clock, the environment or the folder's path.
 */
import type { MissingChart } from './chartFigure.js';
import { figuresOf, type ReportDocument } from './html/document.js';
import { renderPage } from './html/page.js';
import type { MoneyBasisKind } from './moneyBasis.js';
import type { OutputFolder } from './outputFolder.js';
import { projectView } from './projectView.js';
import { renderCharts } from './renderCharts.js';
import { projectReport } from './sections/projectReport.js';
import { sensitivityReport } from './sections/sensitivityReport.js';
import { simulateReport } from './sections/simulateReport.js';
import { sweepReport } from './sections/sweepReport.js';

export interface ReportOptions {
  /** `sipro <version>`: the tool writing the report. */
  generator: string;
  /** Money in charts: base-year prices (default) or nominal. */
  basis: MoneyBasisKind;
  /** Years of the selected-years tables; undefined: the default selection. */
  years: readonly number[] | undefined;
  /** The sweep indicator to draw against each swept parameter. */
  indicator: string;
}

export interface BuiltReport {
  html: string;
  document: ReportDocument;
  /** Charts drawn, by id. */
  charts: string[];
  missing: MissingChart[];
  warnings: string[];
}

export function reportDocument(folder: OutputFolder, options: ReportOptions): ReportDocument {
  switch (folder.kind) {
    case 'project': return projectReport(projectView(folder, options.basis), options);
    case 'simulate': return simulateReport(folder, options);
    case 'sweep': return sweepReport(folder, options);
    case 'sensitivity': return sensitivityReport(folder, options);
  }
}

export async function buildReport(folder: OutputFolder, options: ReportOptions): Promise<BuiltReport> {
  const document = reportDocument(folder, options);
  const figures = figuresOf(document);
  const { svgs, warnings } = await renderCharts(figures);
  return { html: renderPage(document, svgs), document, charts: figures.map((figure) => figure.id), missing: document.missing, warnings };
}
