// AssemblyScript (npm run build:wasm): the loops of steps 3, 5 and 6 over a
// row's cells (payments.ts, survivors.ts, age.ts): P, D and S heads and
// pension sums by (row, age), `PENSIONER_STRIDE` numbers a slot, and the
// members' part of step 3. The same arithmetic as those files describe, in
// the same order, so that every number is the same double.
import { ACTIVE, add, ages, bins, contributionsOf, densities, DISABILITY, emigratedAt, emigrates, fertilityRates, get, HEADS, healthCosts,
  inactiveAt, insuredEarnings, matchingOf, memberAges, memberDeathPensions, memberDeaths, memberHeads, occupy, PENSION, PENSIONER_STRIDE,
  put, q, qDisabled, RESULT_ACTIVE_EXPOSURE, RESULT_ACTIVES, RESULT_CONTRIBUTIONS, RESULT_DEATHS, RESULT_DISABILITY_PENSIONERS, RESULT_EMIGRANT_DEATHS,
  RESULT_EMIGRANTS, RESULT_HEALTH_BENEFITS, RESULT_INACTIVES, RESULT_INSURED_EARNINGS, RESULT_MATCHING, RESULT_MATERNITY_BENEFITS,
  RESULT_OLD_AGE_PENSIONERS, RESULT_PAID_EXPOSURE, RESULT_SURVIVOR_PENSIONERS, results, stride, OLD_AGE, SURVIVOR } from './memory';

// survivors.ts leaveSurvivors(): the spouses of `deaths` deaths of row `row`, age `ageIndex`, join next year's S cell of the other sex.
@inline function leaveSurvivors(
  nextPensioners: usize, nextLow: usize, nextHigh: usize, row: i32, ageIndex: i32, deaths: f64, pensions: f64,
  spouses: f64, ageDifference: i32, share: f64,
): void {
  const heads = deaths * spouses;
  if (heads == 0) return;
  const lastAge = ages - 1;
  const survivorAge = min<i32>(min<i32>(max<i32>(ageIndex + ageDifference, 0), lastAge) + 1, lastAge);
  const survivorRow = row ^ 1;
  const at = (survivorRow * ages + survivorAge) * PENSIONER_STRIDE + SURVIVOR;
  add(nextPensioners, at, heads);
  add(nextPensioners, at + PENSION, spouses * (share * pensions));
  occupy(nextLow, nextHigh, survivorRow, survivorAge);
}

/**
 * survivors.ts survivors() once the scheme pays survivors: the vested
 * members who died (step 4's sums by age, when the scheme pays disability)
 * and the P and D deaths leave survivors.
 */
export function survivorsOf(
  pensioners: usize, nextPensioners: usize, nextLow: usize, nextHigh: usize, row: i32, parameterSlots: i32,
  firstMemberAge: i32, lastMemberAge: i32, firstAge: i32, lastAge: i32,
  pensionGrowth: f64, spouses: f64, ageDifference: i32, share: f64,
): void {
  for (let ageIndex = firstMemberAge; ageIndex <= lastMemberAge; ageIndex += 1) {
    const deaths = get(memberDeaths, ageIndex);
    if (deaths > 0) leaveSurvivors(nextPensioners, nextLow, nextHigh, row, ageIndex, deaths, get(memberDeathPensions, ageIndex), spouses, ageDifference, share);
  }
  pensionerDeaths(pensioners, nextPensioners, nextLow, nextHigh, row, parameterSlots, firstAge, lastAge, OLD_AGE, q, pensionGrowth, spouses, ageDifference, share);
  pensionerDeaths(pensioners, nextPensioners, nextLow, nextHigh, row, parameterSlots, firstAge, lastAge, DISABILITY, qDisabled, pensionGrowth, spouses, ageDifference, share);
}

@inline function pensionerDeaths(
  pensioners: usize, nextPensioners: usize, nextLow: usize, nextHigh: usize, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32,
  part: i32, qOf: usize, pensionGrowth: f64, spouses: f64, ageDifference: i32, share: f64,
): void {
  for (let ageIndex = firstAge; ageIndex <= lastAge; ageIndex += 1) {
    const at = (row * ages + ageIndex) * PENSIONER_STRIDE + part;
    const heads = get(pensioners, at);
    if (heads == 0) continue;
    const deaths = heads * get(qOf, parameterSlots + ageIndex);
    leaveSurvivors(nextPensioners, nextLow, nextHigh, row, ageIndex, deaths, deaths * (get(pensioners, at + PENSION) / heads * pensionGrowth), spouses, ageDifference, share);
  }
}

/** age.ts agePensioners(): P, D and S survivors of the year, one year older, pensions indexed. */
export function agePensionersOf(
  pensioners: usize, nextPensioners: usize, nextLow: usize, nextHigh: usize, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32,
  pensionGrowth: f64,
): void {
  ageCells(pensioners, nextPensioners, nextLow, nextHigh, row, parameterSlots, firstAge, lastAge, OLD_AGE, q, pensionGrowth);
  ageCells(pensioners, nextPensioners, nextLow, nextHigh, row, parameterSlots, firstAge, lastAge, DISABILITY, qDisabled, pensionGrowth);
  ageCells(pensioners, nextPensioners, nextLow, nextHigh, row, parameterSlots, firstAge, lastAge, SURVIVOR, q, pensionGrowth);
}

@inline function ageCells(
  pensioners: usize, nextPensioners: usize, nextLow: usize, nextHigh: usize, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32,
  part: i32, qOf: usize, pensionGrowth: f64,
): void {
  for (let ageIndex = firstAge; ageIndex <= lastAge; ageIndex += 1) {
    const at = (row * ages + ageIndex) * PENSIONER_STRIDE + part;
    const heads = get(pensioners, at);
    if (heads == 0) continue;
    const alive = heads * (1 - get(qOf, parameterSlots + ageIndex));
    if (alive == 0) continue;
    const older = at + PENSIONER_STRIDE;
    add(nextPensioners, older, alive);
    add(nextPensioners, older + PENSION, alive * (get(pensioners, at + PENSION) / heads * pensionGrowth));
    occupy(nextLow, nextHigh, row, ageIndex + 1);
  }
}

/**
 * payments.ts payments(), the pensioners' part: for P, D and S of a row,
 * heads, pensions paid on exposure, deaths and health cover, left in
 * `results` (12 … 15, 16 … 19, 20 … 23) for the caller to add to the row's
 * flows. One walk over the ages for the three states, each summed in age
 * order, as a walk of its own did. The three blocks are spelt out so that
 * the twelve sums stay in locals: a shared @inline helper adding into
 * `results` measured ~0.05 ms a scenario slower (bench/RESULTS.md).
 */
export function pensionerPaymentsOf(
  pensioners: usize, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32,
  coveredRetired: bool, coveredDisabled: bool, coveredSurvivor: bool, healthFactor: f64,
): void {
  let retired: f64 = 0, retiredPaid: f64 = 0, retiredDeaths: f64 = 0, retiredHealth: f64 = 0;
  let disabled: f64 = 0, disabledPaid: f64 = 0, disabledDeaths: f64 = 0, disabledHealth: f64 = 0;
  let survivors: f64 = 0, survivorsPaid: f64 = 0, survivorDeaths: f64 = 0, survivorHealth: f64 = 0;
  for (let ageIndex = firstAge; ageIndex <= lastAge; ageIndex += 1) {
    const at = (row * ages + ageIndex) * PENSIONER_STRIDE;
    const slot = parameterSlots + ageIndex;
    const healthCost = get(healthCosts, ageIndex) * healthFactor;
    const retiredHeads = get(pensioners, at + OLD_AGE);
    if (retiredHeads != 0) {
      const q0 = get(q, slot);
      const exposureShare = 1 - q0 / 2;
      retired += retiredHeads;
      retiredPaid += exposureShare * get(pensioners, at + OLD_AGE + PENSION);
      retiredDeaths += retiredHeads * q0;
      if (coveredRetired) retiredHealth += retiredHeads * exposureShare * healthCost;
    }
    const disabledHeads = get(pensioners, at + DISABILITY);
    if (disabledHeads != 0) {
      const q0 = get(qDisabled, slot);
      const exposureShare = 1 - q0 / 2;
      disabled += disabledHeads;
      disabledPaid += exposureShare * get(pensioners, at + DISABILITY + PENSION);
      disabledDeaths += disabledHeads * q0;
      if (coveredDisabled) disabledHealth += disabledHeads * exposureShare * healthCost;
    }
    const survivorHeads = get(pensioners, at + SURVIVOR);
    if (survivorHeads != 0) {
      const q0 = get(q, slot);
      const exposureShare = 1 - q0 / 2;
      survivors += survivorHeads;
      survivorsPaid += exposureShare * get(pensioners, at + SURVIVOR + PENSION);
      survivorDeaths += survivorHeads * q0;
      if (coveredSurvivor) survivorHealth += survivorHeads * exposureShare * healthCost;
    }
  }
  put(results, RESULT_OLD_AGE_PENSIONERS, retired); put(results, RESULT_OLD_AGE_PENSIONERS + 1, retiredPaid);
  put(results, RESULT_OLD_AGE_PENSIONERS + 2, retiredDeaths); put(results, RESULT_OLD_AGE_PENSIONERS + 3, retiredHealth);
  put(results, RESULT_DISABILITY_PENSIONERS, disabled); put(results, RESULT_DISABILITY_PENSIONERS + 1, disabledPaid);
  put(results, RESULT_DISABILITY_PENSIONERS + 2, disabledDeaths); put(results, RESULT_DISABILITY_PENSIONERS + 3, disabledHealth);
  put(results, RESULT_SURVIVOR_PENSIONERS, survivors); put(results, RESULT_SURVIVOR_PENSIONERS + 1, survivorsPaid);
  put(results, RESULT_SURVIVOR_PENSIONERS + 2, survivorDeaths); put(results, RESULT_SURVIVOR_PENSIONERS + 3, survivorHealth);
}

/**
 * payments.ts payments(), the members' part: over a row's member ages, the
 * heads of A, I and W (step 4's sums up to `counted`, else the cells'), and
 * on them contributions, matching, insured earnings, exposures, deaths,
 * health cover and maternity benefits, left in `results` (0 … 11) in the
 * order payments.ts reads them.
 */
export function memberPaymentsOf(
  members: usize, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32, counted: i32,
  healthFactor: f64, maternityFactor: f64, withMaternity: bool, coversActive: bool, coversInactive: bool,
): void {
  let actives: f64 = 0, inactives: f64 = 0, deaths: f64 = 0, contributions: f64 = 0, matching: f64 = 0, insuredSum: f64 = 0;
  let activeExposure: f64 = 0, paidExposure: f64 = 0, health: f64 = 0, maternityBenefits: f64 = 0, emigrants: f64 = 0, emigrantDeaths: f64 = 0;
  for (let ageIndex = firstAge; ageIndex <= lastAge; ageIndex += 1) {
    const at = parameterSlots + ageIndex;
    const q0 = get(q, at);
    const healthCost = get(healthCosts, ageIndex) * healthFactor;
    const density = get(densities, at);
    const insuredPerHead = get(insuredEarnings, at);
    const maternityPerExposure = withMaternity ? get(fertilityRates, at) * maternityFactor * insuredPerHead / max<f64>(density, 1e-12) : 0;
    let activeHeads: f64 = 0;
    let inactiveHeads: f64 = 0;
    let emigrantHeads: f64 = 0;
    if (ageIndex <= counted) {
      activeHeads = get(memberHeads, 3 * ageIndex);
      inactiveHeads = get(memberHeads, 3 * ageIndex + 1);
      emigrantHeads = get(memberHeads, 3 * ageIndex + 2);
    } else {
      const first = (row * memberAges + ageIndex) * bins * stride;
      const end = first + bins * stride;
      for (let cell = first; cell < end; cell += stride) {
        activeHeads += get(members, cell + ACTIVE + HEADS);
        inactiveHeads += get(members, cell + inactiveAt + HEADS);
      }
      if (emigrates) for (let cell = first; cell < end; cell += stride) emigrantHeads += get(members, cell + emigratedAt + HEADS);
    }
    if (activeHeads > 0) {
      const exposure = activeHeads * (1 - q0 / 2);
      actives += activeHeads;
      contributions += exposure * get(contributionsOf, at);
      matching += exposure * get(matchingOf, at);
      insuredSum += exposure * insuredPerHead;
      activeExposure += exposure;
      paidExposure += exposure * density;
      deaths += activeHeads * q0;
      if (coversActive) health += exposure * healthCost;
      maternityBenefits += exposure * maternityPerExposure;
    }
    if (inactiveHeads > 0) {
      inactives += inactiveHeads;
      deaths += inactiveHeads * q0;
      if (coversInactive) health += inactiveHeads * (1 - q0 / 2) * healthCost;
    }
    if (emigrates) {
      emigrants += emigrantHeads;
      emigrantDeaths += emigrantHeads * q0;
    }
  }
  put(results, RESULT_ACTIVES, actives); put(results, RESULT_INACTIVES, inactives); put(results, RESULT_DEATHS, deaths);
  put(results, RESULT_CONTRIBUTIONS, contributions); put(results, RESULT_MATCHING, matching); put(results, RESULT_INSURED_EARNINGS, insuredSum);
  put(results, RESULT_ACTIVE_EXPOSURE, activeExposure); put(results, RESULT_PAID_EXPOSURE, paidExposure); put(results, RESULT_HEALTH_BENEFITS, health);
  put(results, RESULT_MATERNITY_BENEFITS, maternityBenefits); put(results, RESULT_EMIGRANTS, emigrants); put(results, RESULT_EMIGRANT_DEATHS, emigrantDeaths);
}
