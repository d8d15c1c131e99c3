/**
 * The reports of a sweep folder (sweep.csv + sweep.json) and of a
 * sensitivity folder (sensitivity.csv, sensitivity.json): what was varied,
 * the chosen indicator against each swept parameter or the tornado, and
 * every scenario's row.
 */
import { indicatorLabel, sweepCharts, sweptParameters } from '../charts/sweepCharts.js';
import type { ChartFigure, MissingChart } from '../chartFigure.js';
import { cellKind } from '../columns.js';
import { formatCell, grouped, NONE, percentagePoints } from '../format.js';
import { html, type RawHtml } from '../html/escape.js';
import { splitCharts, type ReportDocument } from '../html/document.js';
import { definitionTable, htmlTable } from '../html/tables.js';
import type { OutputFolder } from '../outputFolder.js';
import { numbers, texts, type OutputTable } from '../outputTable.js';
import { assumptionsSection, limitationsSection, runRecordBlocks } from './common.js';

/** Rows shown in a report's scenario table; the CSV and workbook hold them all. */
export const TABLE_ROW_LIMIT = 400;

/**
 * Every row of an output table, formatted by column kind, up to the row
 * limit; columns empty in every row are left out, changes of a rate are in
 * percentage points.
 */
export function fullTable(table: OutputTable, caption: string): RawHtml[] {
  const columns = table.columns.filter((column, index) => table.rows.some((row) => row[index] !== null));
  const indexes = columns.map((column) => table.columns.indexOf(column));
  const kinds = columns.map((column) => cellKind(table.file, column, undefined));
  const format = (cell: number | string | null | undefined, at: number) =>
    (columns[at]!.startsWith('delta_') && kinds[at] === 'rate' && typeof cell === 'number' ? percentagePoints(cell) : formatCell(cell, kinds[at]));
  const rows = table.rows.slice(0, TABLE_ROW_LIMIT).map((row) => indexes.map((index, at) => format(row[index], at)));
  const numeric = indexes.map((index) => table.rows.every((row) => typeof row[index] !== 'string'));
  const more = table.rows.length > TABLE_ROW_LIMIT ? [html`<p>The first ${TABLE_ROW_LIMIT} of ${table.rows.length} rows; ${table.file} and the workbook hold them all.</p>`] : [];
  // A zero-width space after each underscore lets long column names wrap.
  const head = columns.map((column, at) => ({ label: column.replace(/_/g, '_\u200b'), numeric: numeric[at]! }));
  return [htmlTable(head, rows, { caption, className: 'wide' }), ...more];
}

const drawn = (chart: ChartFigure | MissingChart) => ('spec' in chart ? [{ figure: chart }] : []);
const schemeName = (scheme: Record<string, unknown> | undefined) => (typeof scheme?.['name'] === 'string' ? scheme['name'] : 'Scheme');

export function sweepReport(folder: OutputFolder, options: { generator: string; indicator: string }): ReportDocument {
  const table = folder.tables.get('sweep.csv')!;
  const record = folder.sweepRecord;
  const charts = sweepCharts(table, options.indicator);
  const parameters = sweptParameters(table);
  const errors = (texts(table, 'error') ?? []).filter((text) => text !== '').length;
  const failed = (numbers(table, 'assertions_failed') ?? []).filter((count) => count !== null && count > 0).length;
  const parameterRows = parameters.map((parameter) => {
    const values = [...new Set(texts(table, parameter)!.filter((text) => text !== ''))];
    return [parameter, `${values.length} value${values.length === 1 ? '' : 's'}: ${values.slice(0, 12).join(', ')}${values.length > 12 ? ', …' : ''}`] as [string, string];
  });
  const summaryRows: [string, string][] = [
    ['Scenarios in this folder', grouped(table.rows.length, 0)],
    ...(record?.scenarios !== undefined && record.scenarios !== table.rows.length ? [['Scenarios in the whole sweep', grouped(record.scenarios, 0)] as [string, string]] : []),
    ['Indicator drawn', indicatorLabel(options.indicator).title],
    ['Scenarios that could not be projected', grouped(errors, 0)],
    ['Scenarios with a failed assertion', grouped(failed, 0)],
    ...(record?.assertions && record.assertions.length > 0 ? [['Assertions checked in every scenario', record.assertions.join('; ')] as [string, string]] : []),
  ];
  const scheme = record?.run?.scheme;
  return {
    kind: 'Sweep report',
    title: schemeName(scheme),
    generator: options.generator,
    facts: [`${table.rows.length} scenarios`, `${parameters.length} swept parameter${parameters.length === 1 ? '' : 's'}: ${parameters.join(', ') || NONE}`, 'rates and years only: no money charts'],
    missing: splitCharts(charts).missing,
    sections: [
      { id: 'summary', title: 'Summary', blocks: [definitionTable(summaryRows, 'The sweep'), definitionTable(parameterRows, 'Swept parameters (values as written in the scenarios)'), ...charts.flatMap(drawn)] },
      { id: 'scenarios', title: 'Scenarios', blocks: fullTable(table, 'Every scenario (sweep.csv): its overrides, its indicators and the outcome of its assertions') },
      assumptionsSection(record?.run),
      { id: 'run', title: 'Run record', blocks: runRecordBlocks(record?.run, [['Scenarios from', record?.source?.grid && record.source.grid.length > 0 ? `--grid ${record.source.grid.join(' --grid ')}` : 'a scenarios file']]) },
      limitationsSection(),
    ],
  };
}

