/**
 * A batch validates the scheme's files once and each variant only as far as
 * its overrides reach: every variant must come out exactly as a full load
 * with the same overrides would (same data, or the same diagnostics).
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/model.js';
import { project } from '../../src/core/project.js';
import { deterministicScenario } from '../../src/core/scenario.js';
import { schemeBatch } from '../../src/io/batch.js';
import { formatDiagnostic } from '../../src/io/diagnostics.js';
import { schemeSource } from '../../src/io/loadScheme.js';
import type { Override } from '../../src/io/overrides.js';
import { loadWithOverrides } from '../../src/io/scenarios.js';
import { fixture } from '../cli/helpers.js';

const demo = fixture('demo');
const minimal = fixture('minimal');

async function bothWays(target: string, base: Override[], overrides: Override[]) {
  const variant = await schemeBatch(target, base).variant(overrides);
  const full = await loadWithOverrides(schemeSource(target), [...base, ...overrides]);
  return { variant, full };
}

describe('schemeBatch: a variant is what a full load with its overrides gives', () => {
  it.each<[string, string, Override[], Override[], boolean]>([
    ['a contribution rate', demo, [], [{ path: 'contributions.rate', value: 0.12 }], false],
    ['a group field', demo, [], [{ path: 'groups.artisans.compliance', value: 0.5 }], false],
    ['an assumption as a year map', demo, [], [{ path: 'assumptions.investment_return', value: { 2025: 0.04, 2050: 0.03 } }], true],
    ['a whole assumptions block', minimal, [], [{ path: 'assumptions', value: { wage_growth: 0.01, inflation: 0.01, investment_return: 0.02 } }], true],
    ['a table scale', demo, [], [{ path: '@mortality.qx', value: 1.1 }], false],
    ['an override on top of the base\'s', demo, [{ path: 'contributions.rate', value: 0.08 }], [{ path: 'assumptions.inflation', value: 0.03 }], true],
    ['a scale on top of a base scale (the variant\'s wins)', demo, [{ path: '@mortality.qx', value: 1.2 }], [{ path: '@mortality.qx', value: 0.9 }], false],
  ])('%s', async (_name, target, base, overrides, assumptionsOnly) => {
    const { variant, full } = await bothWays(target, base, overrides);
    expect(variant.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(variant.data).toEqual(full.data);
    expect(variant.assumptionsOnly).toBe(assumptionsOnly);
    // The numbers too: project both and compare the indicators.
    const ofVariant = buildModel(variant.data!);
    const ofFull = buildModel(full.data!);
    expect(project(ofVariant, deterministicScenario(ofVariant)).indicators).toEqual(project(ofFull, deterministicScenario(ofFull)).indicators);
  });

  it('projects an assumptions-only variant on the base\'s model under the variant\'s scenario', async () => {
    const batch = schemeBatch(demo, []);
    const base = buildModel((await batch.base()).data!);
    const variant = await batch.variant([{ path: 'assumptions.wage_growth', value: 0.03 }]);
    const reused = project(base, deterministicScenario(base, base.horizon, variant.data!.scheme.assumptions));
    const rebuilt = buildModel(variant.data!);
    expect(reused.indicators).toEqual(project(rebuilt, deterministicScenario(rebuilt)).indicators);
  });

  it.each<[string, Override[]]>([
    ['a value the schema refuses', [{ path: 'contributions.rate', value: 2 }]],
    ['a misspelt field', [{ path: 'contributions.rat', value: 0.1 }]],
    ['a cross-field rule broken', [{ path: 'contributions.floor', value: 1e9 }]],
    ['a retirement age the income rows do not cover', [{ path: 'benefits.old_age.retirement_age', value: 72 }]],
    ['a negative table scale', [{ path: '@mortality.qx', value: -1 }]],
  ])('reports %s exactly as a full load does', async (_name, overrides) => {
    const { variant, full } = await bothWays(demo, [], overrides);
    expect(full.data).toBeUndefined();
    expect(variant.data).toBeUndefined();
    expect(variant.diagnostics.map(formatDiagnostic)).toEqual(full.diagnostics.map(formatDiagnostic));
    expect(variant.diagnostics.length).toBeGreaterThan(0);
  });
});
