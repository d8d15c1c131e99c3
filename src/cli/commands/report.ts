/**
 * `sipro report DIR`: an output folder of project, simulate, sweep or
 * sensitivity → one self-contained HTML page (DIR/report.html) with charts
 * and tables, and with --xlsx a workbook beside it. The charting and
 * spreadsheet libraries load only here, on demand (src/io/report).
 */
import { Command } from '@commander-js/extra-typings';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { OutputFolder } from '../../io/report/outputFolder.js';
import { VERSION } from '../../version.js';
import { ExitCode, InvalidInputError, UsageError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { parseYearsOption, resolveYears } from '../render/years.js';

/** Writes `content` to `path` through a temporary sibling and one rename: never a half-written report. */
export async function writeWhole(path: string, content: string | Uint8Array): Promise<void> {
  const staging = join(dirname(path), `.${basename(path)}.sipro-${process.pid}`);
  try {
    await writeFile(staging, content);
    await rename(staging, path);
  } catch (error) {
    await unlink(staging).catch(() => undefined);
    throw error;
  }
}

async function checkFolder(path: string, given: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch {
    throw new UsageError(`${given}: no such folder; give an output folder of sipro project, simulate, sweep or sensitivity`);
  }
  if (!isDirectory) throw new UsageError(`${given} is a file: give the output folder that holds it (e.g. ${dirname(given) || '.'})`);
}

/** The projection's years the --years tables choose from: projection.csv's, or percentiles.csv's. */
function tableYears(folder: OutputFolder, numbers: (typeof import('../../io/report/outputTable.js'))['numbers']): number[] | undefined {
  const table = folder.tables.get(folder.kind === 'project' ? 'projection.csv' : 'percentiles.csv');
  if (folder.kind !== 'project' && folder.kind !== 'simulate') return undefined;
  return [...new Set((table && numbers(table, 'year')) ?? [])].filter((year): year is number => year !== null);
}

export function reportCommand(context: CommandContext) {
  const { io } = context;
  return new Command('report')
    .description('write an HTML report with charts (and with --xlsx a workbook) from an output folder of project, simulate, sweep or sensitivity')
    .argument('<dir>', 'an output folder of sipro project, simulate, sweep or sensitivity')
    .option('-o, --out <file>', 'the HTML file to write (default: DIR/report.html)')
    .option('--xlsx', 'also write a workbook: one sheet per output file, and a summary (beside the HTML, .xlsx)', false)
    .option('--nominal', 'draw money in money of each year, not in base-year prices (deflated by the inflation assumption)', false)
    .option('--years <list>', 'years of the selected-years tables: 2025,2030,2050 or 2025:2099:5 (project and simulate folders)')
    .option('--indicator <name>', 'for a sweep: the indicator drawn against each swept parameter (gap, effective_rate, actuarial_balance, depletion_year, first_deficit_year)')
    .option('--json', 'print what was written as JSON on stdout', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .addHelpText('after', [
      '',
      'The page is one file that works offline: styles and charts (SVG) inline, no script,',
      'nothing fetched; it prints on A4 with each section on a new page. Charts say their unit',
      'and whether money is in base-year prices or nominal. The same folder always gives the',
      'same bytes.',
      '',
      'Exit codes: 0 written, 2 usage error (no such folder, bad option), 3 the folder is not',
      'a sipro output folder or one of its files is malformed, 1 internal error.',
      '',
      'Examples:',
      '  $ sipro project fixtures/demo --out results/demo --force && sipro report results/demo',
      '  $ sipro report results/demo --xlsx --years 2025:2095:10 --out board/demo.html',
      '  $ sipro report results/demo-sweep --indicator depletion_year',
      '',
    ].join('\n'))
    .action(async (target, options) => {
      const folderPath = resolve(io.cwd, target);
      await checkFolder(folderPath, target);
      // The report's code loads only for this command (esbuild keeps an import()ed module's start-up code until it is imported).
      const [{ readOutputFolder }, { buildReport }, { numbers }] = await Promise.all([
        import('../../io/report/outputFolder.js'), import('../../io/report/buildReport.js'), import('../../io/report/outputTable.js'),
      ]);
      const read = await readOutputFolder(folderPath, target);
      if (!read.ok) throw new InvalidInputError(read.diagnostics.map((diagnostic) => ({ ...diagnostic, file: diagnostic.file === target ? target : join(target, diagnostic.file) })));
      const folder = read.folder;

      const years = tableYears(folder, numbers);
      let chosenYears: number[] | undefined;
      if (options.years !== undefined) {
        if (years === undefined || years.length === 0) throw new UsageError(`--years applies to project and simulate folders; ${target} is a ${folder.kind} folder`);
        const parsed = parseYearsOption(options.years);
        if (!parsed.ok) throw new UsageError(`--years "${options.years}": ${parsed.message}`);
        const resolved = resolveYears(parsed.items, years);
        if (!resolved.ok) throw new UsageError(`--years "${options.years}": ${resolved.message}`);
        chosenYears = resolved.years;
      }
      const sweepTable = folder.tables.get('sweep.csv');
      if (options.indicator !== undefined && folder.kind !== 'sweep') throw new UsageError(`--indicator applies to a sweep folder; ${target} is a ${folder.kind} folder`);
      const indicator = options.indicator ?? 'gap';
      if (sweepTable !== undefined && !sweepTable.columns.includes(indicator)) {
        throw new UsageError(`--indicator "${indicator}": sweep.csv has no such column; choose one of gap, effective_rate, actuarial_balance, depletion_year, first_deficit_year`);
      }

      const htmlPath = options.out === undefined ? join(folderPath, 'report.html') : resolve(io.cwd, options.out);
      const xlsxPath = htmlPath.replace(/\.html?$/i, '') + '.xlsx';
      const inputs = folder.files.map((file) => join(folderPath, file));
      for (const path of [htmlPath, ...(options.xlsx ? [xlsxPath] : [])]) {
        if (inputs.includes(path)) throw new UsageError(`${relative(io.cwd, path) || path} is one of the files the report reads: choose another --out`);
      }
      try {
        if ((await stat(dirname(htmlPath))).isDirectory() === false) throw new Error('not a folder');
      } catch {
        throw new UsageError(`--out ${options.out ?? htmlPath}: the folder ${dirname(htmlPath)} does not exist`);
      }

      const report = await buildReport(folder, {
        generator: `sipro ${VERSION}`,
        basis: options.nominal ? 'nominal' : 'real',
        years: chosenYears,
        indicator,
      });
      await writeWhole(htmlPath, report.html);
      const written = [htmlPath];
      if (options.xlsx) {
        const { workbookFromFolder } = await import('../../io/report/workbook.js');
        await writeWhole(xlsxPath, await workbookFromFolder(folder));
        written.push(xlsxPath);
      }
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ kind: folder.kind, report: htmlPath, workbook: options.xlsx ? xlsxPath : null, bytes: Buffer.byteLength(report.html), charts: report.charts, not_drawn: report.missing }, null, 2)}\n`);
      }
      // A path under the working folder as typed relative to it; any other in full.
      const shown = (path: string) => {
        const relativePath = relative(io.cwd, path);
        return relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath;
      };
      if (!options.quiet) {
        for (const chart of report.missing) io.stderr.write(`note: not drawn: ${chart.title}: ${chart.reason}\n`);
        const size = `${Math.round(Buffer.byteLength(report.html) / 1024)} KB`;
        io.stderr.write(`Wrote ${written.map(shown).join(', ')} (${folder.kind} report, ${report.charts.length} charts, ${size})\n`);
      }
      context.exit(ExitCode.success);
    });
}
