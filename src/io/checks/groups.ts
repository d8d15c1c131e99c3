/** §9: a group named in a CSV that scheme.yaml does not define is an error. */
import type { Diagnostic } from '../diagnostics.js';
import { closestName } from '../suggest.js';
import { diagnostic, type Table } from './common.js';

export interface KnownGroupRows<T> {
  /** The rows whose group is defined (or `*` where allowed): later checks look at these only. */
  table: Table<T>;
  diagnostics: Diagnostic[];
  /**
   * Defined groups that an unknown name probably misspells. Their missing
   * rows are the same fault, so coverage checks stay quiet about them.
   */
  misspelt: Set<string>;
}

/**
 * Reports each undefined group once per file, on the first line naming it.
 * @example knownGroupRows({file: 'income.csv', rows: [{line: 2, row: {group: 'tradrs'}}], complete: true}, new Map([['traders', 0]]), false).diagnostics[0].message
 * // 'group "tradrs" is not defined in the scheme (groups: traders); did you mean "traders"?'
 */
export function knownGroupRows<T extends { group: string }>(
  table: Table<T>,
  groups: ReadonlyMap<string, unknown>,
  allowEveryGroup: boolean,
): KnownGroupRows<T> {
  const diagnostics: Diagnostic[] = [];
  const misspelt = new Set<string>();
  const reported = new Set<string>();
  const defined = [...groups.keys()];
  const rows = table.rows.filter(({ line, row }) => {
    if (groups.has(row.group) || (allowEveryGroup && row.group === '*')) return true;
    if (!reported.has(row.group)) {
      reported.add(row.group);
      const meant = closestName(row.group, defined);
      if (meant !== undefined) misspelt.add(meant);
      const hint = meant === undefined ? '' : `; did you mean "${meant}"?`;
      const everyGroup = allowEveryGroup ? ', or * for every group' : '';
      diagnostics.push(diagnostic('error', table.file, line, `group "${row.group}" is not defined in the scheme (groups: ${defined.join(', ')}${everyGroup})${hint}`, 'group'));
    }
    return false;
  });
  return { table: { ...table, rows }, diagnostics, misspelt };
}
