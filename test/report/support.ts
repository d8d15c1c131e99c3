/** Output folders for the report tests, made once per file, and ways to look into a report's charts. */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { buildReport, reportDocument, type ReportOptions } from '../../src/io/report/buildReport.js';
import type { ChartFigure } from '../../src/io/report/chartFigure.js';
import { figuresOf } from '../../src/io/report/html/document.js';
import { readOutputFolder, type OutputFolder } from '../../src/io/report/outputFolder.js';
import { fixture, REPO, runSipro, scratchFolder } from '../cli/helpers.js';

export const SIMULATE = join(REPO, 'test', 'report', 'fixtures', 'simulate');
export const SENSITIVITY = join(REPO, 'test', 'report', 'fixtures', 'sensitivity');

/** `sipro project SCHEME --out <scratch>` in-process; the folder's path. */
export async function projectFolder(scheme = fixture('demo'), extra: readonly string[] = []): Promise<string> {
  const out = join(await scratchFolder('sipro-report-'), 'out');
  const run = await runSipro(['project', scheme, '--out', out, '--quiet', ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

/** A sweep of fixtures/minimal over two parameters, in the main thread. */
export async function sweepFolder(): Promise<string> {
  const out = join(await scratchFolder('sipro-report-'), 'sweep');
  const run = await runSipro(['sweep', fixture('minimal'), '--grid', 'contributions.rate=0.08:0.12:0.02', '--grid', 'groups.traders.compliance=0.6,0.8', '--jobs', '1', '--out', out, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

/** A scratch copy of a folder. */
export async function copyOf(folder: string): Promise<string> {
  const copy = join(await scratchFolder('sipro-report-'), 'copy');
  await cp(folder, copy, { recursive: true });
  return copy;
}

export async function readFolder(path: string): Promise<OutputFolder> {
  const read = await readOutputFolder(path, path);
  if (!read.ok) throw new Error(read.diagnostics.map((diagnostic) => `${diagnostic.file}: ${diagnostic.message}`).join('\n'));
  return read.folder;
}

export const OPTIONS: ReportOptions = { generator: 'sipro test', basis: 'real', years: undefined, indicator: 'gap' };

export async function documentOf(path: string, options: Partial<ReportOptions> = {}) {
  return reportDocument(await readFolder(path), { ...OPTIONS, ...options });
}

export async function builtReport(path: string, options: Partial<ReportOptions> = {}) {
  return buildReport(await readFolder(path), { ...OPTIONS, ...options });
}

export function figure(document: ReturnType<typeof reportDocument>, id: string): ChartFigure {
  const found = figuresOf(document).find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no chart ${id} among ${figuresOf(document).map((candidate) => candidate.id).join(', ')}`);
  return found;
}

type Datum = Record<string, unknown>;

/** Every data row of every layer of a chart. */
export function chartData(chart: ChartFigure): Datum[] {
  const layers = (chart.spec as { layer?: { data?: { values?: Datum[] } }[] }).layer ?? [];
  return layers.flatMap((layer) => layer.data?.values ?? []);
}

/** The points of one named series, as year → value. */
export function series(chart: ChartFigure, name: string): Map<number, number> {
  return new Map(chartData(chart).filter((datum) => datum['series'] === name).map((datum) => [datum['x'] as number, datum['value'] as number]));
}

/** A CSV file as objects of strings (csv-parse, independent of the report's reader). */
export async function csvObjects(path: string): Promise<Record<string, string>[]> {
  return parse(await readFile(path, 'utf8'), { columns: true }) as Record<string, string>[];
}
