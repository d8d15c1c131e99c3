/**
 * A batch of projections of one scheme under many override sets (a sweep's
 * or a sensitivity test's scenarios): the files are read and validated once,
 * for the base; each variant validates only what its overrides change.
 *
 * A variant's overrides are applied to the base's resolved scheme and the
 * result goes through the scheme's schema and cross-field rules again. The
 * CSV checks depend on the scheme only through a few facts (ages, groups,
 * retirement ages, benefits paid: schemeFacts.ts), so they are run again only
 * when those facts change. Whenever anything fails, or the facts differ, the
 * variant takes the full path (`loadWithOverrides`), which re-reads nothing
 * but checks everything and words every problem as `sipro validate` would.
 */
import type { Scheme } from '../schema/scheme.js';
import { schemeSchema } from '../schema/scheme.js';
import type { SchemeData } from '../core/types.js';
import { assertionSyntaxIssues, schemeRuleIssues } from './checks/schemeRules.js';
import { errorsIn } from './diagnostics.js';
import { type LoadResult, schemeSource } from './loadScheme.js';

/** How a batch's files are read (see schemeSource). */
type SourceOptions = NonNullable<Parameters<typeof schemeSource>[1]>;
import { applyOverrides, type Override } from './overrides.js';
import { loadWithOverrides, splitTableScales } from './scenarios.js';
import { factsOf } from './schemeFacts.js';
import { scaleTables } from '../core/sensitivity.js';

export interface BatchVariant extends LoadResult {
  /** Only assumptions differ from the base: the base's model serves, under a new scenario. */
  assumptionsOnly: boolean;
}

export interface SchemeBatch {
  /** The base: the scheme with the batch's own overrides, every file read and checked. */
  base(): Promise<LoadResult>;
  /** The base with more overrides (and `@file.column` table scales). */
  variant(overrides: readonly Override[]): Promise<BatchVariant>;
}

/**
 * @example const batch = schemeBatch('fixtures/demo', []); await batch.variant([{path: 'contributions.rate', value: 0.12}])
 */
export function schemeBatch(target: string, baseOverrides: readonly Override[], options: SourceOptions = {}): SchemeBatch {
  const source = schemeSource(target, options);
  let base: Promise<LoadResult> | undefined;
  const loadBase = () => (base ??= loadWithOverrides(source, baseOverrides));
  return {
    base: loadBase,
    async variant(overrides) {
      const loaded = await loadBase();
      // A table scale named in both the base and the variant replaces the base's (the last one wins): the full path says so.
      const scalesMeet = baseOverrides.some(({ path }) => path.startsWith('@')) && overrides.some(({ path }) => path.startsWith('@'));
      const quick = loaded.data === undefined || scalesMeet ? undefined : quickVariant(loaded.data, overrides);
      if (quick !== undefined) return { data: quick.data, diagnostics: [], inputs: loaded.inputs, assumptionsOnly: quick.assumptionsOnly };
      const full = await loadWithOverrides(source, [...baseOverrides, ...overrides]);
      return { ...full, assumptionsOnly: false };
    },
  };
}

/** The variant without reading or re-checking the files, or undefined when the full path is needed. */
function quickVariant(data: SchemeData, overrides: readonly Override[]): { data: SchemeData; assumptionsOnly: boolean } | undefined {
  const split = splitTableScales(overrides);
  if (split.diagnostics.length > 0) return undefined;
  const applied = applyOverrides(data.scheme, split.overrides);
  if (errorsIn(applied.diagnostics).length > 0) return undefined;
  const parsed = schemeSchema.safeParse(applied.document);
  if (!parsed.success) return undefined;
  const scheme: Scheme = parsed.data;
  if (assertionSyntaxIssues(scheme).length > 0 || schemeRuleIssues(scheme).length > 0) return undefined;
  if (canonical(factsOf(scheme)) !== canonical(factsOf(data.scheme))) return undefined;
  const noScales = Object.keys(split.scales).length === 0;
  const assumptionsOnly = noScales && split.overrides.every(({ path }) => path === 'assumptions' || path.startsWith('assumptions.'));
  return { data: scaleTables({ ...data, scheme }, split.scales), assumptionsOnly };
}

/** JSON of a value with maps as sorted entries, so that equal facts give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? [...item.entries()].sort() : item));
}
