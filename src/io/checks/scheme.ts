/** Legal but suspicious values of scheme.yaml (§9 warnings). */
import type { Scheme } from '../../schema/scheme.js';
import type { Diagnostic } from '../diagnostics.js';
import type { IssuePath } from '../describeIssue.js';
import { diagnostic, formatNumber } from './common.js';

/** A rate above one half is legal, but more likely a typo (0.6 for 0.06) than a scheme's real rate. */
const SUSPICIOUS_RATE = 0.5;

export function schemeWarnings(scheme: Scheme, file: string, lineOf: (path: IssuePath) => number | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const rates: [IssuePath, number | undefined][] = [
    [['contributions', 'rate'], scheme.contributions.rate],
    ...Object.entries(scheme.groups).map(([name, group]): [IssuePath, number | undefined] => [['groups', name, 'contributions', 'rate'], group.contributions.rate]),
  ];
  for (const [path, rate] of rates) {
    if (rate === undefined || rate <= SUSPICIOUS_RATE) continue;
    const field = path.join('.');
    diagnostics.push(diagnostic('warning', file, lineOf(path), `${field} "${formatNumber(rate)}" is above ${SUSPICIOUS_RATE}: more than half of declared income goes to contributions`, field));
  }
  return diagnostics;
}
