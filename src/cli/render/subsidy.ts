/**
 * "Who pays for whom" (methodology §8) on the terminal: the (group, sex) rows of
 * subsidy.csv ranked from net payers to net receivers, the money's worth of
 * one entrant by group, sex and entry age (entrants.csv), and the share of
 * benefits that government matching finances. The state's care-credit
 * contributions (§12) show on the rows of the women credited.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { ratio } from '../../core/indicators.js';
import type { EntrantRow, Ratio, SubsidyRow } from '../../core/types.js';
import { groupedNumber } from '../../io/groupedNumber.js';
import { printable } from '../../io/read/shown.js';

/** PV(matching) / PV(benefits) of one group, or of the whole scheme (`group` absent). */
export interface MatchingShare {
  group?: string;
  pv_matching: number;
  pv_benefits: number;
  /** Null when pv_benefits is 0 (§7: a ratio whose divisor is 0). */
  share: Ratio;
}

/** What `sipro subsidy` shows, as data: also its `--json` output. */
export interface SubsidyReport {
  /** subsidy.csv rows ranked by net_transfer, most negative (the largest net payer) first; ties keep the scheme's order. */
  subsidy: SubsidyRow[];
  /** entrants.csv rows, in the order `project` writes them. */
  entrants: EntrantRow[];
  matching_share: { scheme: MatchingShare; groups: MatchingShare[] };
}

/**
 * Ranks the subsidy rows and computes the matching shares, scheme-wide and by
 * group (the group's two sexes added), in the groups' order of the rows.
 * @example subsidyReport(result.subsidy, projectEntrants(data)).matching_share.scheme.share
 */
export function subsidyReport(subsidy: readonly SubsidyRow[], entrants: readonly EntrantRow[]): SubsidyReport {
  const share = (rows: readonly SubsidyRow[]) => {
    const pvMatching = rows.reduce((sum, row) => sum + row.pv_matching, 0);
    const pvBenefits = rows.reduce((sum, row) => sum + row.pv_benefits, 0);
    return { pv_matching: pvMatching, pv_benefits: pvBenefits, share: ratio(pvMatching, pvBenefits) };
  };
  const groups = [...new Set(subsidy.map((row) => row.group))];
  return {
    // Array.prototype.sort is stable: equal net transfers keep the scheme's group order, then F, M.
    subsidy: [...subsidy].sort((a, b) => a.net_transfer - b.net_transfer),
    entrants: [...entrants],
    matching_share: {
      scheme: share(subsidy),
      groups: groups.map((group) => ({ group, ...share(subsidy.filter((row) => row.group === group)) })),
    },
  };
}

export interface SubsidyView {
  name: string;
  currency: string;
  /** t0: present values are at the start of this year, in its money. */
  baseYear: number;
  /** t0 + n − 1: subsidy.csv values the flows of t0 … lastYear. */
  lastYear: number;
  colour: boolean;
}

const TABLE_CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** The three parts of the report as terminal text (deterministic: same data, same text). */
export function renderSubsidy(report: SubsidyReport, view: SubsidyView): string {
  const chalk = new Chalk({ level: view.colour ? 1 : 0 });
  const tableStyle = view.colour ? { head: ['cyan'] } : { head: [], border: [] };
  const currency = printable(view.currency) || 'money units';
  const rows = report.subsidy;

  // (a) Who pays for whom, by (group, sex).
  const largest = Math.max(0, ...rows.flatMap((row) => [
    row.pv_contributions, row.pv_matching, row.pv_care_credit_contributions, row.pv_benefits, row.pv_administration, Math.abs(row.net_transfer),
  ]));
  // A column for care credits only when the scheme has some (§12): without, the table is as before.
  const careCredits = rows.some((row) => row.pv_care_credit_contributions !== 0);
  const scale = largest >= 1e7 ? 1e6 : 1;
  const digits = scale === 1 ? 0 : 1;
  const money = (value: number) => groupedNumber(value / scale, digits);
  const signed = (value: number) => groupedNumber(value / scale, digits, 'exceptZero');
  const worth = (value: Ratio) => (value === null ? '—' : value.toFixed(2));
  const careCell = (value: number) => (careCredits ? [money(value)] : []);
  const ranking = new Table({
    head: ['#', 'group', 'sex', 'PV contributions', 'PV matching', ...(careCredits ? ['PV care credits'] : []), 'PV benefits', 'PV admin.',
      'net transfer', 'money\'s worth', ''],
    colAligns: ['right', 'left', 'left', 'right', 'right', ...(careCredits ? ['right' as const] : []), 'right', 'right', 'right', 'right', 'left'],
    style: tableStyle,
    chars: TABLE_CHARS,
  });
  rows.forEach((row, index) => {
    const receiver = row.net_transfer > 0;
    const mark = (text: string) => (receiver ? chalk.yellow(text) : text);
    ranking.push([
      String(index + 1), row.group, row.sex, money(row.pv_contributions), money(row.pv_matching), ...careCell(row.pv_care_credit_contributions),
      money(row.pv_benefits), money(row.pv_administration), mark(signed(row.net_transfer)), worth(row.money_worth),
      mark(receiver ? 'net receiver' : row.net_transfer < 0 ? 'net payer' : 'even'),
    ]);
  });
  const total = (field: 'pv_contributions' | 'pv_matching' | 'pv_care_credit_contributions' | 'pv_benefits' | 'pv_administration' | 'net_transfer') =>
    rows.reduce((sum, row) => sum + row[field], 0);
  ranking.push([
    '', chalk.bold('scheme'), '', money(total('pv_contributions')), money(total('pv_matching')), ...careCell(total('pv_care_credit_contributions')),
    money(total('pv_benefits')), money(total('pv_administration')), signed(total('net_transfer')),
    worth(ratio(total('pv_benefits'), total('pv_contributions'))), '',
  ]);

  // (b) Money's worth of one entrant, by entry age.
  const entryAges = [...new Set(report.entrants.map((row) => row.entry_age))].sort((a, b) => a - b);
  const types = [...new Map(report.entrants.map((row) => [`${row.group}\u0000${row.sex}`, { group: row.group, sex: row.sex }])).values()];
  const byType = new Map(report.entrants.map((row) => [`${row.group}\u0000${row.sex}\u0000${row.entry_age}`, row]));
  const entrantTable = new Table({
    head: ['group', 'sex', ...entryAges.map((age) => `entry ${age}`)],
    colAligns: ['left', 'left', ...entryAges.map(() => 'right' as const)],
    style: tableStyle,
    chars: TABLE_CHARS,
  });
  for (const { group, sex } of types) {
    entrantTable.push([group, sex, ...entryAges.map((age) => {
      const row = byType.get(`${group}\u0000${sex}\u0000${age}`);
      return row === undefined ? '' : worth(row.money_worth);
    })]);
  }

  // (c) What matching finances.
  const percent = (value: Ratio) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
  const { scheme, groups } = report.matching_share;
  const width = Math.max('scheme'.length, ...groups.map((share) => share.group!.length));
  const shareLines = [
    `  ${'scheme'.padEnd(width)}  ${percent(scheme.share)}`,
    ...groups.map((share) => `  ${share.group!.padEnd(width)}  ${percent(share.share)}`),
  ];

  const period = view.baseYear === view.lastYear ? String(view.baseYear) : `${view.baseYear}–${view.lastYear}`;
  return [
    `${chalk.bold(printable(view.name))}: who pays for whom`,
    '',
    `Members by group and sex, flows of ${period} (subsidy.csv), ranked from net payers to net receivers.`,
    `Present values at ${view.baseYear} in ${scale === 1e6 ? 'millions of ' : ''}${currency} of ${view.baseYear}.`,
    ranking.toString(),
    careCredits
      ? '  net transfer = PV benefits + PV admin. − PV contributions − PV matching − PV care credits: < 0 pays in more'
      : '  net transfer = PV benefits + PV admin. − PV contributions − PV matching: < 0 pays in more than it',
    careCredits
      ? '  than it draws out, > 0 draws out more; money\'s worth = PV benefits / PV own contributions. PV care credits: the'
      : '  draws out, > 0 draws out more; money\'s worth = PV benefits / PV own contributions.',
    ...(careCredits ? ['  state\'s contributions for the births of the women of the row (care credits).'] : []),
    '',
    `Money's worth of one entrant, followed from ${view.baseYear} until it and its survivors die (entrants.csv):`,
    entrantTable.toString(),
    '  PV benefits (survivor pensions it leaves included) / PV own contributions; administration left out.',
    '  A blank cell: that entry age is not below the sex\'s retirement age; — : no contributions.',
    '',
    `Share of benefits financed by government matching, PV(matching) / PV(benefits), ${period}:`,
    ...shareLines,
    '',
  ].join('\n');
}
