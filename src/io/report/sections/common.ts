/**
 * Sections every report has: the assumptions, the run record (what ran, on
 * which inputs, with which overrides), and the limitations with the place
 * for an actuary's opinion. No clock anywhere: the same folder gives the
 * same report.
 */
import { html, raw, type RawHtml } from '../html/escape.js';
import type { ReportSection } from '../html/document.js';
import { definitionTable, htmlTable } from '../html/tables.js';
import type { RunRecordFile } from '../summaryFile.js';
import { economicAssumptions, groupTable } from './provisions.js';

/** A command line as a shell would need it typed: arguments with spaces or quotes single-quoted. */
export function shellLine(argv: readonly string[]): string {
  return argv.map((argument) => (/^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function assumptionsSection(run: RunRecordFile | undefined): ReportSection {
  const scheme = run?.scheme;
  if (scheme === undefined) {
    return { id: 'assumptions', title: 'Assumptions', blocks: [html`<p>The output folder holds no run record with the scheme, so its assumptions cannot be shown.</p>`] };
  }
  return {
    id: 'assumptions',
    title: 'Assumptions',
    blocks: [
      html`<p>The assumptions and provisions below are those the run used: the scheme file with every default filled in and every <code>--set</code> override applied (they are listed in the run record). The full list of provisions is in the appendix.</p>`,
      economicAssumptions(scheme),
      groupTable(scheme),
    ],
  };
}

/** Rows of the run record: tool, version, command line, inputs and their SHA-256, overrides. */
export function runRecordBlocks(run: RunRecordFile | undefined, extra: readonly (readonly [string, string])[] = []): RawHtml[] {
  if (run === undefined) return [html`<p>The output folder holds no run record.</p>`];
  const rows: [string, string | RawHtml][] = [
    ['Tool and version that computed the results', `${run.tool ?? 'sipro'} ${run.version ?? '(unknown)'}`],
    ['Command line', run.command_line === undefined ? '(not recorded)' : html`<code>${shellLine(run.command_line)}</code>`],
    ...extra.map(([label, value]) => [label, value] as [string, string]),
  ];
  const inputs = run.inputs ?? [];
  const overrides = run.overrides ?? [];
  return [
    definitionTable(rows, undefined, false),
    inputs.length === 0 ? html`<p>No input files are recorded.</p>` : htmlTable(
      [{ label: 'Input' }, { label: 'File' }, { label: 'SHA-256 of its bytes' }],
      inputs.map((input) => [input.role, input.file, html`<span class="hash">${input.sha256}</span>`]),
      { caption: 'Input files: the SHA-256 identifies the exact file the run read' },
    ),
    overrides.length === 0 ? html`<p>No <code>--set</code> overrides: the scheme was run as its files give it.</p>` : htmlTable(
      [{ label: 'Overridden field' }, { label: 'Value' }],
      overrides.map((override) => [html`<code>${override.path}</code>`, JSON.stringify(override.value)]),
      { caption: 'Overrides applied to the scheme files (--set), in order' },
    ),
  ];
}

export function assertionBlocks(assertions: readonly { assertion: string; passed: boolean }[] | undefined): RawHtml[] {
  if (assertions === undefined || assertions.length === 0) return [];
  return [htmlTable(
    [{ label: 'Assertion' }, { label: 'Outcome' }],
    assertions.map((item) => [html`<code>${item.assertion}</code>`, item.passed ? 'passed' : html`<strong class="negative">failed</strong>`]),
    { caption: 'Assertions checked on the results' },
  )];
}

export function methodSection(extra: RawHtml[] = []): ReportSection {
  return {
    id: 'method',
    title: 'Method',
    blocks: [
      html`<p>sipro projects the members of the scheme cohort by cohort: by group, sex, single year of age, state (active, inactive, emigrated, old-age, disability or survivor pensioner) and completed years of credit. Each year it retires those at pension age, adds the year's entrants, computes the year's contributions and benefits on the exposed members, and moves the survivors between states. A member's contributions follow from a lognormal model of irregular monthly income, the scheme's contribution rule, affordability and compliance, computed in closed form.</p>`,
      html`<p>The reserve grows with the investment return on the reserve held at the start of the year and on half a year of the year's net cash flow: reserve at year end = reserve at start &times; (1 + i) + (contribution income &minus; expenditure) &times; (1 + i)<sup>&frac12;</sup>. The GAP (general average premium) is the level contribution rate on insured earnings that pays every benefit and expense to the horizon and leaves the target final reserve, after the initial reserve; the effective rate is the present value of contribution income over that of insured earnings; their difference is the actuarial balance. Present values are discounted to the base year at the discount rate (by default the investment return), mid-year.</p>`,
      ...extra,
    ],
  };
}

export function limitationsSection(): ReportSection {
  return {
    id: 'limitations',
    title: 'Limitations and actuarial opinion',
    blocks: [
      html`<p>The projections rest on the assumptions in this report; actual experience will differ, and the differences compound over a long horizon. Results are only as good as the membership data and the scheme's parameters as entered in its files; this report does not check them against their sources. Amounts are expected values of a deterministic model unless the report says it shows stochastic scenarios.</p>`,
      html`<div class="opinion"><p><strong>Statement of actuarial opinion (to be completed by the responsible actuary).</strong></p><p>In my opinion: the data are sufficient and reliable for the purposes of this valuation; the assumptions are, individually and in aggregate, reasonable; and the methods are appropriate. &mdash; <em>Name, qualification, date</em></p><p>${raw('This placeholder is not an opinion. sipro cannot give one.')}</p></div>`,
    ],
  };
}
