/**
 * A scenario's paths (methodology §10): the realised investment return, wage
 * growth and inflation of each year, and the mortality, entrants and
 * income factors. Drawn from the scheme's `stochastic:` shocks, or read
 * from a paths.csv; either way they become the Scenario that `project`
 * runs under, every derived quantity (indices, J_t, idx_t, interest,
 * discounting) following them.
 */
import type { Scheme } from '../../schema/scheme.js';
import type { ProjectionModel } from '../model.js';
import { deterministicScenario, type Scenario } from '../scenario.js';
import { normalStream } from './generator.js';
import { addRateShock, factorPath } from './shocks.js';
import { record } from '../record.js';

/** One scenario's realised paths, one number per projection year (paths.csv). */
export interface ScenarioPaths {
  investmentReturn: Float64Array;
  wageGrowth: Float64Array;
  inflation: Float64Array;
  mortalityFactor: Float64Array;
  entrantsFactor: Float64Array;
  /** `F_{g,t}` per group, in the scheme's group order. */
  incomeFactor: Float64Array[];
}

/**
 * Standard normal innovations drawn per year, in this order (§10 "Draws"):
 * investment return, wage growth, inflation, mortality, entrants, the
 * common income innovation η, then ξ of each group in the scheme's order.
 * Every innovation is drawn whether or not its `sd` is 0, so that changing
 * one process's `sd` leaves the others' draws as they were.
 */
export const INNOVATIONS_BEFORE_GROUPS = 6;

/** The innovations of one scenario, by process and year, in a reusable buffer. */
export interface Innovations {
  years: number;
  groups: number;
  /** `(INNOVATIONS_BEFORE_GROUPS + groups) × years`, process-major: `values[process × years + year]`. */
  values: Float64Array;
}

export function innovationsBuffer(years: number, groups: number): Innovations {
  return { years, groups, values: new Float64Array((INNOVATIONS_BEFORE_GROUPS + groups) * years) };
}

/**
 * Draws scenario `scenario`'s innovations into `buffer`, year by year (so a
 * longer horizon keeps the first years' draws).
 */
export function drawInnovations(seed: number, scenario: number, buffer: Innovations): Innovations {
  const { years, groups, values } = buffer;
  const stream = normalStream(seed, scenario);
  const processes = INNOVATIONS_BEFORE_GROUPS + groups;
  for (let year = 0; year < years; year += 1) {
    for (let process = 0; process < processes; process += 1) values[process * years + year] = stream.next();
  }
  return buffer;
}

const processRow = (buffer: Innovations, process: number) => buffer.values.subarray(process * buffer.years, (process + 1) * buffer.years);

/**
 * Scenario `scenario`'s paths drawn from the scheme's shocks (§10), around
 * the deterministic scenario `base` (the assumptions' values, factors 1).
 * @example drawPaths(model.scheme, deterministicScenario(model), 17, buffer) // scenario 17's paths, in any run
 */
export function drawPaths(scheme: Scheme, base: Scenario, scenario: number, buffer: Innovations): ScenarioPaths {
  const { stochastic } = scheme;
  drawInnovations(stochastic.seed, scenario, buffer);
  const years = base.years;
  // ε_{g,t} = √c η_t + √(1 − c) ξ_{g,t}
  const common = Math.sqrt(stochastic.income_correlation);
  const own = Math.sqrt(1 - stochastic.income_correlation);
  const eta = processRow(buffer, 5);
  const groupEpsilon = new Float64Array(years);
  const incomeFactor = Object.values(scheme.groups).map((group, index) => {
    const xi = processRow(buffer, INNOVATIONS_BEFORE_GROUPS + index);
    for (let year = 0; year < years; year += 1) groupEpsilon[year] = common * eta[year]! + own * xi[year]!;
    return factorPath(new Float64Array(years), group.income_shock, groupEpsilon);
  });
  return {
    investmentReturn: addRateShock(base.investmentReturn.slice(), stochastic.investment_return, processRow(buffer, 0)),
    wageGrowth: addRateShock(base.wageGrowth.slice(), stochastic.wage_growth, processRow(buffer, 1)),
    inflation: addRateShock(base.inflation.slice(), stochastic.inflation, processRow(buffer, 2)),
    mortalityFactor: factorPath(new Float64Array(years), stochastic.mortality, processRow(buffer, 3)),
    entrantsFactor: factorPath(new Float64Array(years), stochastic.entrants, processRow(buffer, 4)),
    incomeFactor,
  };
}

/**
 * The scenario a projection runs under for these paths: the paths
 * themselves, and the discount rate of present values (§7), which follows
 * the investment-return path when the scheme's `discount_rate` is null and
 * stays the scheme's otherwise (§10).
 */
export function scenarioOfPaths(model: ProjectionModel, base: Scenario, paths: ScenarioPaths): Scenario {
  return record({
    years: base.years,
    wageGrowth: paths.wageGrowth,
    inflation: paths.inflation,
    investmentReturn: paths.investmentReturn,
    discountRate: model.scheme.assumptions.discount_rate === null ? paths.investmentReturn : base.discountRate,
    incomeFactor: paths.incomeFactor,
    mortalityFactor: paths.mortalityFactor,
    entrantsFactor: paths.entrantsFactor,
  });
}

/** The deterministic scenario's paths: every shock 0 (the assumptions' values, factors 1). */
export function deterministicPaths(model: ProjectionModel): ScenarioPaths {
  const base = deterministicScenario(model);
  return {
    investmentReturn: base.investmentReturn, wageGrowth: base.wageGrowth, inflation: base.inflation,
    mortalityFactor: base.mortalityFactor, entrantsFactor: base.entrantsFactor, incomeFactor: base.incomeFactor,
  };
}
