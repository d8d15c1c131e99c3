/**
 * The report of a sensitivity folder: the tornado chart of the GAP and the
 * table of every case against the base.
 */
import { tornadoChart } from '../charts/sweepCharts.js';
import { percent } from '../format.js';
import { html } from '../html/escape.js';
import { splitCharts, type ReportDocument } from '../html/document.js';
import { definitionTable } from '../html/tables.js';
import type { OutputFolder } from '../outputFolder.js';
import { numbers, texts } from '../outputTable.js';
import { assumptionsSection, limitationsSection, runRecordBlocks } from './common.js';
import { fullTable } from './sweepReport.js';

export function sensitivityReport(folder: OutputFolder, options: { generator: string }): ReportDocument {
  const table = folder.tables.get('sensitivity.csv')!;
  const scenarios = texts(table, 'scenario')!;
  const baseIndex = scenarios.indexOf('base');
  const baseGap = baseIndex < 0 ? null : (numbers(table, 'gap')?.[baseIndex] ?? null);
  const chart = tornadoChart(table, baseGap);
  const run = folder.sensitivityRecord?.run;
  const scheme = run?.scheme;
  const baseBalance = baseIndex < 0 ? null : (numbers(table, 'actuarial_balance')?.[baseIndex] ?? null);
  const baseDepletion = baseIndex < 0 ? null : (numbers(table, 'depletion_year')?.[baseIndex] ?? null);
  return {
    kind: 'Sensitivity report',
    title: typeof scheme?.['name'] === 'string' ? scheme['name'] : 'Scheme',
    generator: options.generator,
    facts: [`${scenarios.length - (baseIndex < 0 ? 0 : 1)} cases against the base`, 'one assumption moved at a time'],
    missing: splitCharts([chart]).missing,
    sections: [
      {
        id: 'summary',
        title: 'Summary',
        blocks: [
          definitionTable([
            ['GAP of the base', percent(baseGap)],
            ['Actuarial balance of the base', percent(baseBalance)],
            ['Depletion year of the base', baseDepletion === null ? 'none within the horizon' : String(baseDepletion)],
          ], 'The base case'),
          ...('spec' in chart ? [{ figure: chart }] : []),
        ],
      },
      { id: 'cases', title: 'Cases', blocks: [...fullTable(table, 'Every case (sensitivity.csv), largest change of the GAP first; Δ against the base'), html`<p>A depletion year left empty: the reserve is not depleted within the horizon.</p>`] },
      assumptionsSection(run),
      { id: 'run', title: 'Run record', blocks: runRecordBlocks(run) },
      limitationsSection(),
    ],
  };
}
