// AssemblyScript: compiled by asc to WebAssembly (npm run build:wasm), not by tsc.
//
// The loops of a year (methodology §4, §11, §12) over one row's cells: step
// 4's walk of the member cells into next year's cells (move.ts), and steps 3
// (the pensioners' part, payments.ts), 5 (survivors.ts) and 6 (age.ts) on
// its pensioner slots. The same arithmetic as those files describe, in the
// same order, so that every number is the same double. They live here
// because WebAssembly runs them at full speed from a run's first year,
// where JavaScript interprets them until the JIT has compiled them
// (src/core/year/kernel.ts, bench/RESULTS.md).
//
// Memory is the caller's (imported): typed arrays of the core laid out in it.
// Pointers are byte offsets; indices count doubles (or int32s for ranges).

// Where the year's tables are, the layout and the emigration: set by configure() once per model (kernel.ts startKernel).
let q: usize = 0; //              context.q, by parameter slot
let disabilityRates: usize = 0; // rates.disability
let emigrationRates: usize = 0; // rates.emigration
let fertilityRates: usize = 0; //  rates.fertility
let lapseRates: usize = 0; //      rates.lapse
let reentryRates: usize = 0; //    rates.reentry
let densities: usize = 0; //       memberYear.density
let insuredEarnings: usize = 0; // memberYear.insuredEarnings
let contributionsOf: usize = 0; // memberYear.contributions
let matchingOf: usize = 0; //      memberYear.matching
let memberHeads: usize = 0; //     context.memberHeads (3 per age)
let memberDeaths: usize = 0; //    context.memberDeaths
let memberDeathPensions: usize = 0;
let arrivals: usize = 0; //        scratch: bins × 2 × 6
// The layout (layout.ts, state.ts).
let ages: i32 = 0;
let memberAges: i32 = 0;
let bins: i32 = 0;
let stride: i32 = 0;
let inactiveAt: i32 = 0;
let emigratedAt: i32 = 0;
let balanceAt: i32 = -1;
let foreignAt: i32 = -1;
let emigrates: bool = false;
let foreignDensity: f64 = 0;

export function configure(
  qPointer: usize, disabilityPointer: usize, emigrationPointer: usize, fertilityPointer: usize, lapsePointer: usize, reentryPointer: usize,
  densityPointer: usize, insuredPointer: usize, contributionsPointer: usize, matchingPointer: usize,
  headsPointer: usize, deathsPointer: usize, deathPensionsPointer: usize, arrivalsPointer: usize,
  layoutAges: i32, layoutMemberAges: i32, layoutBins: i32, memberPart: i32, memberStride: i32, balanceSum: i32, foreignSum: i32,
  withEmigration: bool, modelForeignDensity: f64,
): void {
  q = qPointer; disabilityRates = disabilityPointer; emigrationRates = emigrationPointer; fertilityRates = fertilityPointer;
  lapseRates = lapsePointer; reentryRates = reentryPointer; densities = densityPointer; insuredEarnings = insuredPointer;
  contributionsOf = contributionsPointer; matchingOf = matchingPointer; memberHeads = headsPointer; memberDeaths = deathsPointer;
  memberDeathPensions = deathPensionsPointer; arrivals = arrivalsPointer;
  ages = layoutAges; memberAges = layoutMemberAges; bins = layoutBins; stride = memberStride;
  inactiveAt = memberPart; emigratedAt = 2 * memberPart; balanceAt = balanceSum; foreignAt = foreignSum;
  emigrates = withEmigration; foreignDensity = modelForeignDensity;
}

@inline function get(base: usize, index: i32): f64 { return load<f64>(base + (<usize>index << 3)); }
@inline function put(base: usize, index: i32, value: f64): void { store<f64>(base + (<usize>index << 3), value); }
@inline function add(base: usize, index: i32, value: f64): void { const at = base + (<usize>index << 3); store<f64>(at, load<f64>(at) + value); }

// Sums of an arrival part (arrivals.ts): heads, credits, earnings, own balance, balance, foreign credits.
const ARRIVAL_SUMS: i32 = 6;
const ARRIVED_INACTIVE: i32 = 6;
@inline function arrivalIndex(bin: i32): i32 { return bin * 2 * ARRIVAL_SUMS; }

// awards.ts disabilityAwardOf(terms, credits, earnings, heads, proRata(credits, foreign)).
@inline function disabilityAward(fixed: f64, replacement: f64, minimum: f64, credits: f64, earnings: f64, heads: f64, foreign: f64): f64 {
  const share = foreign == 0 ? 1.0 : credits / (credits + foreign);
  return max<f64>(fixed + replacement * earnings / max<f64>(credits, heads), minimum) * share;
}

const HEADS: i32 = 0;
const CREDITS: i32 = 1;
const EARNINGS: i32 = 2;
const OWN_BALANCE: i32 = 3;
const ACTIVE: i32 = 0;
const PENSIONER_STRIDE: i32 = 6;
const DISABILITY: i32 = 2;
const PENSION: i32 = 1;

// A part's six sums as three pairs of lanes (f64x2): (N, Σc), (Σw, Σō), (Σb, Σf),
// the order of arrivals.ts. Lane by lane, f64x2 arithmetic is the scalar
// arithmetic of move.ts on the same doubles, so the results are the same bits.
@inline function pairAt(base: usize, index: i32): v128 { return v128.load(base + (<usize>index << 3)); }
@inline function storePair(base: usize, index: i32, value: v128): void { v128.store(base + (<usize>index << 3), value); }
@inline function scaled(share: f64, pair: v128): v128 { return f64x2.mul(f64x2.splat(share), pair); }
@inline function plus(sum: v128, share: f64, pair: v128): v128 { return f64x2.add(sum, f64x2.mul(f64x2.splat(share), pair)); }
// (Σb, Σf) of a part at `at`: 0 where the scheme's cells do not carry the sum (state.ts memberSumsOf).
@inline function extraPair(base: usize, at: i32): v128 {
  return f64x2(balanceAt >= 0 ? get(base, at + balanceAt) : 0, foreignAt >= 0 ? get(base, at + foreignAt) : 0);
}
@inline function storePart(base: usize, at: i32, headsCredits: v128, earningsOwn: v128, extra: v128): void {
  storePair(base, at + HEADS, headsCredits);
  storePair(base, at + EARNINGS, earningsOwn);
  if (balanceAt >= 0) put(base, at + balanceAt, f64x2.extract_lane(extra, 0));
  if (foreignAt >= 0) put(base, at + foreignAt, f64x2.extract_lane(extra, 1));
}
// arrivals.ts arrive(): nothing when the share is 0.
@inline function arrivePair<Extras>(at: i32, share: f64, headsCredits: v128, earningsOwn: v128, extra: v128): void {
  if (share == 0) return;
  storePair(arrivals, at, plus(pairAt(arrivals, at), share, headsCredits));
  storePair(arrivals, at + 2, plus(pairAt(arrivals, at + 2), share, earningsOwn));
  if (sizeof<Extras>() == 2) storePair(arrivals, at + 4, plus(pairAt(arrivals, at + 4), share, extra));
}

/**
 * move.ts move() for row `row`, ages `firstAge … lastAge`: the walk of
 * step 4 as that file describes it. Returns the births (§12), summed in the
 * walk's order.
 */
function moveAgesOf(
  members: usize, destinations: usize, nextPensioners: usize, nextMemberLow: usize, nextMemberHigh: usize,
  nextPensionerLow: usize, nextPensionerHigh: usize,
  row: i32, firstAge: i32, lastAge: i32, parameterSlots: i32,
  hasDisability: bool, vesting: i32, awardEveryVested: bool, careCredits: bool, creditedYears: i32,
  growth: f64, revaluation: f64, halfYearGrowth: f64, fixed: f64, replacement: f64, minimum: f64,
  careCreditEarnings: f64, careCreditBalance: f64,
): f64 {
  return balanceAt < 0 && foreignAt < 0
    ? walk<u8>(members, destinations, nextPensioners, nextMemberLow, nextMemberHigh, nextPensionerLow, nextPensionerHigh, row, firstAge, lastAge, parameterSlots, hasDisability, vesting, awardEveryVested, careCredits, creditedYears, growth, revaluation, halfYearGrowth, fixed, replacement, minimum, careCreditEarnings, careCreditBalance)
    : walk<u16>(members, destinations, nextPensioners, nextMemberLow, nextMemberHigh, nextPensionerLow, nextPensionerHigh, row, firstAge, lastAge, parameterSlots, hasDisability, vesting, awardEveryVested, careCredits, creditedYears, growth, revaluation, halfYearGrowth, fixed, replacement, minimum, careCreditEarnings, careCreditBalance);
}

// The (Σb, Σf) pair's arithmetic, done only when the cells carry either sum (Extras u16).
@inline function plus2<Extras>(sum: v128, share: f64, pair: v128): v128 { return sizeof<Extras>() == 2 ? plus(sum, share, pair) : sum; }
@inline function scaled2<Extras>(share: f64, pair: v128): v128 { return sizeof<Extras>() == 2 ? scaled(share, pair) : pair; }
@inline function add2<Extras>(sum: v128, pair: v128): v128 { return sizeof<Extras>() == 2 ? f64x2.add(sum, pair) : sum; }

/**
 * The walk of moveAges, compiled twice: with the (Σb, Σf) pair (`Extras`
 * u16) and, for cells that carry neither sum, without it (u8), where that
 * pair would be zeros multiplied and added for nothing (a third of the
 * walk's lanes).
 */
function walk<Extras>(
  members: usize, destinations: usize, nextPensioners: usize, nextMemberLow: usize, nextMemberHigh: usize,
  nextPensionerLow: usize, nextPensionerHigh: usize,
  row: i32, firstAge: i32, lastAge: i32, parameterSlots: i32,
  hasDisability: bool, vesting: i32, awardEveryVested: bool, careCredits: bool, creditedYears: i32,
  growth: f64, revaluation: f64, halfYearGrowth: f64, fixed: f64, replacement: f64, minimum: f64,
  careCreditEarnings: f64, careCreditBalance: f64,
): f64 {
  const topBin = bins - 1;
  const zero = f64x2.splat(0);
  let births: f64 = 0;
  // Year-end growth of the (Σw, Σō) and (Σb, Σf) pairs: w̄ (1 + wage_growth), ō and b̄ (1 + i); f̄ kept.
  const earningsGrowth = f64x2(revaluation, growth);
  const extraGrowth = f64x2(growth, 1);
  for (let ageIndex = firstAge; ageIndex <= lastAge; ageIndex += 1) {
    const at = parameterSlots + ageIndex;
    const q0 = get(q, at);
    const survival = 1 - q0;
    const disabilityRate = hasDisability ? get(disabilityRates, at) : 0;
    const emigration = get(emigrationRates, at);
    const fertility = careCredits ? get(fertilityRates, at) : 0;
    const lapse = get(lapseRates, at);
    const reentry = get(reentryRates, at);
    const density = get(densities, at);
    const insured = get(insuredEarnings, at);
    const contributions = get(contributionsOf, at);
    const accountAdded = (contributions + get(matchingOf, at)) * halfYearGrowth;
    const ownAdded = contributions * halfYearGrowth;
    // An active member's year: Σc + N d, Σw (1 + g) + N S, Σb (1 + i) + N (C + M)(1 + i)^½, Σō (1 + i) + N C (1 + i)^½.
    const creditsAdded = f64x2(0, density);
    const earningsAdded = f64x2(insured, ownAdded);
    const extraAdded = f64x2(accountAdded, 0);
    // §12: a birth's y credited years, notional earnings and state contribution.
    const careCredited = f64x2(0, <f64>creditedYears);
    const careEarnings = f64x2(careCreditEarnings, 0);
    const careBalance = f64x2(careCreditBalance, 0);
    if (fertility > 0) memory.fill(arrivals, 0, <usize>arrivalIndex(bins) << 3);
    const keep = 1 - fertility;
    const cellBase = (row * memberAges + ageIndex) * bins;
    const nextBase = (row * memberAges + ageIndex + 1) * bins;
    let disabledHeads: f64 = 0;
    let disabledPensions: f64 = 0;
    let activeTotal: f64 = 0, inactiveTotal: f64 = 0, emigrantTotal: f64 = 0;
    let vestedDeaths: f64 = 0;
    let vestedDeathPensions: f64 = 0;
    let anyone = false;
    let highest = -1;
    for (let bin = topBin; bin >= 0 && highest < 0; bin -= 1) {
      const from = (cellBase + bin) * stride;
      if (get(members, from + ACTIVE + HEADS) > 0 || get(members, from + inactiveAt + HEADS) > 0 || (emigrates && get(members, from + emigratedAt + HEADS) > 0)) highest = bin;
    }
    const lastBin = min<i32>(highest + 1 + (fertility > 0 ? creditedYears : 0), topBin);
    // Credit-earners of the bin below on their way to this bin (A, I), and emigrants of the bin below who earned a credit.
    let upActive0 = zero, upActive1 = zero, upActive2 = zero;
    let upInactive0 = zero, upInactive1 = zero, upInactive2 = zero;
    let upAbroad0 = zero, upAbroad1 = zero, upAbroad2 = zero;
    for (let bin = 0; bin <= lastBin; bin += 1) {
      const from = (cellBase + bin) * stride;
      const upBin = min<i32>(bin + 1, topBin);
      const vested = bin >= vesting;
      const incidence = vested ? disabilityRate : 0;
      const alive = survival * (1 - incidence);
      const staying = alive * (1 - emigration);
      const leaving = alive * emigration;
      let active0 = upActive0, active1 = upActive1, active2 = upActive2;
      let inactive0 = upInactive0, inactive1 = upInactive1, inactive2 = upInactive2;
      let abroad0 = upAbroad0, abroad1 = upAbroad1, abroad2 = upAbroad2;
      upActive0 = zero; upActive1 = zero; upActive2 = zero;
      upInactive0 = zero; upInactive1 = zero; upInactive2 = zero;
      upAbroad0 = zero; upAbroad1 = zero; upAbroad2 = zero;

      const heads = get(members, from + ACTIVE + HEADS);
      activeTotal += heads;
      if (heads > 0) {
        anyone = true;
        let cell0 = plus(pairAt(members, from + ACTIVE + HEADS), heads, creditsAdded);
        let cell1 = plus(f64x2.mul(pairAt(members, from + ACTIVE + EARNINGS), earningsGrowth), heads, earningsAdded);
        let cell2 = sizeof<Extras>() == 2 ? plus(f64x2.mul(extraPair(members, from + ACTIVE), extraGrowth), heads, extraAdded) : zero;
        const foreign = f64x2.extract_lane(cell2, 1);
        if (vested && (incidence > 0 || awardEveryVested)) {
          const award = disabilityAward(fixed, replacement, minimum, f64x2.extract_lane(cell0, 1), f64x2.extract_lane(cell1, 0), heads, foreign);
          disabledHeads += heads * survival * incidence;
          disabledPensions += heads * survival * incidence * award;
          vestedDeaths += heads * q0;
          vestedDeathPensions += heads * q0 * award;
        }
        if (leaving > 0) {
          const away = leaving * (1 - density);
          abroad0 = plus(abroad0, away, cell0); abroad1 = plus(abroad1, away, cell1); abroad2 = plus2<Extras>(abroad2, away, cell2);
          const awayUp = leaving * density;
          upAbroad0 = scaled(awayUp, cell0); upAbroad1 = scaled(awayUp, cell1); upAbroad2 = scaled2<Extras>(awayUp, cell2);
        }
        if (fertility > 0) {
          births += heads * staying * fertility;
          const credited = heads * fertility;
          cell0 = plus(cell0, credited, careCredited);
          cell1 = plus(cell1, credited, careEarnings);
          cell2 = plus2<Extras>(cell2, credited, careBalance);
          const upCredited = arrivalIndex(min<i32>(upBin + creditedYears, topBin));
          const stayCredited = arrivalIndex(min<i32>(bin + creditedYears, topBin));
          arrivePair<Extras>(upCredited + ACTIVE, fertility * staying * density * (1 - lapse), cell0, cell1, cell2);
          arrivePair<Extras>(upCredited + ARRIVED_INACTIVE, fertility * staying * density * lapse, cell0, cell1, cell2);
          arrivePair<Extras>(stayCredited + ACTIVE, fertility * staying * (1 - density) * (1 - lapse), cell0, cell1, cell2);
          arrivePair<Extras>(stayCredited + ARRIVED_INACTIVE, fertility * staying * (1 - density) * lapse, cell0, cell1, cell2);
        }
        const stayActive = keep * staying * (1 - density) * (1 - lapse);
        const stayInactive = keep * staying * (1 - density) * lapse;
        active0 = plus(active0, stayActive, cell0); active1 = plus(active1, stayActive, cell1); active2 = plus2<Extras>(active2, stayActive, cell2);
        inactive0 = plus(inactive0, stayInactive, cell0); inactive1 = plus(inactive1, stayInactive, cell1); inactive2 = plus2<Extras>(inactive2, stayInactive, cell2);
        const upActive = keep * staying * density * (1 - lapse);
        const upInactive = keep * staying * density * lapse;
        upActive0 = scaled(upActive, cell0); upActive1 = scaled(upActive, cell1); upActive2 = scaled2<Extras>(upActive, cell2);
        upInactive0 = scaled(upInactive, cell0); upInactive1 = scaled(upInactive, cell1); upInactive2 = scaled2<Extras>(upInactive, cell2);
      }
      const idle = get(members, from + inactiveAt + HEADS);
      inactiveTotal += idle;
      if (idle > 0) {
        anyone = true;
        let cell0 = pairAt(members, from + inactiveAt + HEADS);
        let cell1 = f64x2.mul(pairAt(members, from + inactiveAt + EARNINGS), earningsGrowth);
        let cell2 = sizeof<Extras>() == 2 ? f64x2.mul(extraPair(members, from + inactiveAt), extraGrowth) : zero;
        const foreign = f64x2.extract_lane(cell2, 1);
        if (vested && (incidence > 0 || awardEveryVested)) {
          const award = disabilityAward(fixed, replacement, minimum, f64x2.extract_lane(cell0, 1), f64x2.extract_lane(cell1, 0), idle, foreign);
          disabledHeads += idle * survival * incidence;
          disabledPensions += idle * survival * incidence * award;
          vestedDeaths += idle * q0;
          vestedDeathPensions += idle * q0 * award;
        }
        if (leaving > 0) {
          abroad0 = plus(abroad0, leaving, cell0); abroad1 = plus(abroad1, leaving, cell1); abroad2 = plus2<Extras>(abroad2, leaving, cell2);
        }
        if (fertility > 0) {
          births += idle * staying * fertility;
          const credited = idle * fertility;
          cell0 = plus(cell0, credited, careCredited);
          cell1 = plus(cell1, credited, careEarnings);
          cell2 = plus2<Extras>(cell2, credited, careBalance);
          const stayCredited = arrivalIndex(min<i32>(bin + creditedYears, topBin));
          arrivePair<Extras>(stayCredited + ACTIVE, fertility * staying * reentry, cell0, cell1, cell2);
          arrivePair<Extras>(stayCredited + ARRIVED_INACTIVE, fertility * staying * (1 - reentry), cell0, cell1, cell2);
        }
        const back = keep * staying * reentry;
        const stay = keep * staying * (1 - reentry);
        active0 = plus(active0, back, cell0); active1 = plus(active1, back, cell1); active2 = plus2<Extras>(active2, back, cell2);
        inactive0 = plus(inactive0, stay, cell0); inactive1 = plus(inactive1, stay, cell1); inactive2 = plus2<Extras>(inactive2, stay, cell2);
      }
      const abroad = emigrates ? get(members, from + emigratedAt + HEADS) : 0;
      emigrantTotal += abroad;
      if (abroad > 0) {
        // §11: W's survivors, a year abroad credited with foreign_density; no contributions, no disability.
        anyone = true;
        const cell0 = pairAt(members, from + emigratedAt + HEADS);
        const cell1 = f64x2.mul(pairAt(members, from + emigratedAt + EARNINGS), earningsGrowth);
        const cell2 = sizeof<Extras>() == 2 ? plus(f64x2.mul(extraPair(members, from + emigratedAt), extraGrowth), abroad, f64x2(0, foreignDensity)) : zero;
        const stay = survival * (1 - foreignDensity);
        abroad0 = plus(abroad0, stay, cell0); abroad1 = plus(abroad1, stay, cell1); abroad2 = plus2<Extras>(abroad2, stay, cell2);
        const up = survival * foreignDensity;
        upAbroad0 = plus(upAbroad0, up, cell0); upAbroad1 = plus(upAbroad1, up, cell1); upAbroad2 = plus2<Extras>(upAbroad2, up, cell2);
      }
      if (bin == topBin) {
        // V is "V or more": those who earn a credit in the top bin stay in it.
        active0 = f64x2.add(active0, upActive0); active1 = f64x2.add(active1, upActive1); active2 = add2<Extras>(active2, upActive2);
        inactive0 = f64x2.add(inactive0, upInactive0); inactive1 = f64x2.add(inactive1, upInactive1); inactive2 = add2<Extras>(inactive2, upInactive2);
        abroad0 = f64x2.add(abroad0, upAbroad0); abroad1 = f64x2.add(abroad1, upAbroad1); abroad2 = add2<Extras>(abroad2, upAbroad2);
      }
      const to = (nextBase + bin) * stride;
      if (fertility > 0) {
        // Every arrival in this bin comes from a bin below or, at the top, from this one: all are in.
        const arrived = arrivalIndex(bin);
        active0 = f64x2.add(active0, pairAt(arrivals, arrived + ACTIVE));
        active1 = f64x2.add(active1, pairAt(arrivals, arrived + ACTIVE + 2));
        active2 = add2<Extras>(active2, pairAt(arrivals, arrived + ACTIVE + 4));
        inactive0 = f64x2.add(inactive0, pairAt(arrivals, arrived + ARRIVED_INACTIVE));
        inactive1 = f64x2.add(inactive1, pairAt(arrivals, arrived + ARRIVED_INACTIVE + 2));
        inactive2 = add2<Extras>(inactive2, pairAt(arrivals, arrived + ARRIVED_INACTIVE + 4));
      }
      if (emigrates) storePart(destinations, to + emigratedAt, abroad0, abroad1, abroad2);
      storePart(destinations, to + ACTIVE, active0, active1, active2);
      storePart(destinations, to + inactiveAt, inactive0, inactive1, inactive2);
    }
    const counted = 3 * ageIndex;
    put(memberHeads, counted, activeTotal);
    put(memberHeads, counted + 1, inactiveTotal);
    put(memberHeads, counted + 2, emigrantTotal);
    put(memberDeaths, ageIndex, vestedDeaths);
    put(memberDeathPensions, ageIndex, vestedDeathPensions);
    if (anyone) occupy(nextMemberLow, nextMemberHigh, row, ageIndex + 1);
    if (disabledHeads > 0) {
      // Every bin's newly disabled join the same D cell, one year older.
      const slot = (row * ages + ageIndex + 1) * PENSIONER_STRIDE + DISABILITY;
      add(nextPensioners, slot, disabledHeads);
      add(nextPensioners, slot + PENSION, disabledPensions);
      occupy(nextPensionerLow, nextPensionerHigh, row, ageIndex + 1);
    }
  }
  return births;
}

// state.ts occupy(): widens a row's age range.
@inline function occupy(low: usize, high: usize, row: i32, ageIndex: i32): void {
  const lowAt = low + (<usize>row << 2);
  const highAt = high + (<usize>row << 2);
  if (ageIndex < load<i32>(lowAt)) store<i32>(lowAt, ageIndex);
  if (ageIndex > load<i32>(highAt)) store<i32>(highAt, ageIndex);
}

// Steps 3 (pensioners' part), 5 and 6 of a year on the pensioner slots
// (survivors.ts, age.ts, payments.ts): P, D and S heads and pension sums by
// (row, age), `PENSIONER_STRIDE` numbers a slot.
const OLD_AGE: i32 = 0;
const SURVIVOR: i32 = 4;
let qDisabled: usize = 0; //  context.qDisabled, by parameter slot
let healthCosts: usize = 0; // model.healthCost, by age (0 without health cover)
let results: usize = 0; //     memberPayments' twelve sums, then pensionerPayments' four
const PENSIONER_RESULTS: i32 = 12;

export function configurePensioners(qDisabledPointer: usize, healthPointer: usize, resultsPointer: usize): void {
  qDisabled = qDisabledPointer; healthCosts = healthPointer; results = resultsPointer;
}

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
function survivorsOf(
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
function agePensionersOf(
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
 * payments.ts pensionerPayments() for one pensioner state `part` (P, D or S)
 * of a row: heads, pensions paid on exposure, deaths and health cover, left
 * in `results` (12 … 15) for the caller to add to the row's flows.
 */
function pensionerPaymentsOf(
  pensioners: usize, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32, part: i32, disabled: bool, covered: bool, healthFactor: f64,
): void {
  const qOf = disabled ? qDisabled : q;
  let heads: f64 = 0, paid: f64 = 0, deaths: f64 = 0, health: f64 = 0;
  for (let ageIndex = firstAge; ageIndex <= lastAge; ageIndex += 1) {
    const at = (row * ages + ageIndex) * PENSIONER_STRIDE + part;
    const cellHeads = get(pensioners, at);
    if (cellHeads == 0) continue;
    const q0 = get(qOf, parameterSlots + ageIndex);
    const exposureShare = 1 - q0 / 2;
    heads += cellHeads;
    paid += exposureShare * get(pensioners, at + PENSION);
    deaths += cellHeads * q0;
    if (covered) health += cellHeads * exposureShare * (get(healthCosts, ageIndex) * healthFactor);
  }
  put(results, PENSIONER_RESULTS, heads);
  put(results, PENSIONER_RESULTS + 1, paid);
  put(results, PENSIONER_RESULTS + 2, deaths);
  put(results, PENSIONER_RESULTS + 3, health);
}

/**
 * payments.ts payments(), the members' part: over a row's member ages, the
 * heads of A, I and W (step 4's sums up to `counted`, else the cells'), and
 * on them contributions, matching, insured earnings, exposures, deaths,
 * health cover and maternity benefits, left in `results` (0 … 11) in the
 * order payments.ts reads them.
 */
function memberPaymentsOf(
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
  put(results, 0, actives); put(results, 1, inactives); put(results, 2, deaths); put(results, 3, contributions);
  put(results, 4, matching); put(results, 5, insuredSum); put(results, 6, activeExposure); put(results, 7, paidExposure);
  put(results, 8, health); put(results, 9, maternityBenefits); put(results, 10, emigrants); put(results, 11, emigrantDeaths);
}

// What JavaScript calls: few arguments, since each crosses V8's JS-to-Wasm
// wrapper, which converts them one by one (the entrant lanes make ~100,000
// calls). The rest is set once per kernel (its states), per model (its
// benefits) and per year (startYear).

// The kernel's two cohort states (kernel.ts), by index 0 or 1.
let members0: usize = 0, pensioners0: usize = 0, memberLow0: usize = 0, memberHigh0: usize = 0, pensionerLow0: usize = 0, pensionerHigh0: usize = 0;
let members1: usize = 0, pensioners1: usize = 0, memberLow1: usize = 0, memberHigh1: usize = 0, pensionerLow1: usize = 0, pensionerHigh1: usize = 0;

export function configureStates(
  m0: usize, p0: usize, ml0: usize, mh0: usize, pl0: usize, ph0: usize, m1: usize, p1: usize, ml1: usize, mh1: usize, pl1: usize, ph1: usize,
): void {
  members0 = m0; pensioners0 = p0; memberLow0 = ml0; memberHigh0 = mh0; pensionerLow0 = pl0; pensionerHigh0 = ph0;
  members1 = m1; pensioners1 = p1; memberLow1 = ml1; memberHigh1 = mh1; pensionerLow1 = pl1; pensionerHigh1 = ph1;
}

// The model's benefits (§5, §4 step 5) and health covers.
let hasDisability: bool = false;
let vesting: i32 = 0;
let awardEveryVested: bool = false;
let spousesF: f64 = 0, spousesM: f64 = 0;
let differenceF: i32 = 0, differenceM: i32 = 0;
let survivorShare: f64 = 0;
let maternityFactor: f64 = 0;
let withMaternity: bool = false;
let coversActive: bool = false, coversInactive: bool = false, coversRetired: bool = false, coversDisabled: bool = false, coversSurvivor: bool = false;

export function configureBenefits(
  disability: bool, vestingYears: i32, everyVested: bool, spouseProbabilityF: f64, spouseProbabilityM: f64, ageDifferenceF: i32, ageDifferenceM: i32,
  share: f64, maternityShare: f64, maternity: bool, active: bool, inactive: bool, retired: bool, disabled: bool, survivor: bool,
): void {
  hasDisability = disability; vesting = vestingYears; awardEveryVested = everyVested;
  spousesF = spouseProbabilityF; spousesM = spouseProbabilityM; differenceF = ageDifferenceF; differenceM = ageDifferenceM;
  survivorShare = share; maternityFactor = maternityShare; withMaternity = maternity;
  coversActive = active; coversInactive = inactive; coversRetired = retired; coversDisabled = disabled; coversSurvivor = survivor;
}

// The year's numbers (context.ts enterYear).
let growth: f64 = 1, revaluation: f64 = 1, halfYearGrowth: f64 = 1;
let awardFixed: f64 = 0, awardReplacement: f64 = 0, awardMinimum: f64 = 0;
let creditedYears: i32 = 0, careCreditEarnings: f64 = 0, careCreditBalance: f64 = 0;
let pensionGrowth: f64 = 1, healthFactor: f64 = 0;

export function startYear(
  yearGrowth: f64, yearRevaluation: f64, yearHalfGrowth: f64, fixed: f64, replacement: f64, minimum: f64,
  careYears: i32, careEarnings: f64, careBalance: f64, yearPensionGrowth: f64, yearHealthFactor: f64,
): void {
  growth = yearGrowth; revaluation = yearRevaluation; halfYearGrowth = yearHalfGrowth;
  awardFixed = fixed; awardReplacement = replacement; awardMinimum = minimum;
  creditedYears = careYears; careCreditEarnings = careEarnings; careCreditBalance = careBalance;
  pensionGrowth = yearPensionGrowth; healthFactor = yearHealthFactor;
}

@inline function membersOf(state: i32): usize { return state == 0 ? members0 : members1; }
@inline function pensionersOf(state: i32): usize { return state == 0 ? pensioners0 : pensioners1; }
@inline function memberLowOf(state: i32): usize { return state == 0 ? memberLow0 : memberLow1; }
@inline function memberHighOf(state: i32): usize { return state == 0 ? memberHigh0 : memberHigh1; }
@inline function pensionerLowOf(state: i32): usize { return state == 0 ? pensionerLow0 : pensionerLow1; }
@inline function pensionerHighOf(state: i32): usize { return state == 0 ? pensionerHigh0 : pensionerHigh1; }

/** Step 4 of row `row` from state `from` into the other state; returns the births (§12). */
export function moveAges(from: i32, row: i32, firstAge: i32, lastAge: i32, parameterSlots: i32): f64 {
  const next = 1 - from;
  // Care credits go to women (§12), and only when the scheme grants them.
  const careCredits = (row & 1) == 0 && creditedYears > 0;
  return moveAgesOf(
    membersOf(from), membersOf(next), pensionersOf(next), memberLowOf(next), memberHighOf(next), pensionerLowOf(next), pensionerHighOf(next),
    row, firstAge, lastAge, parameterSlots, hasDisability, vesting, awardEveryVested, careCredits, creditedYears,
    growth, revaluation, halfYearGrowth, awardFixed, awardReplacement, awardMinimum, careCreditEarnings, careCreditBalance,
  );
}

/** Step 5 of row `row` from state `from` into the other state. */
export function survivors(from: i32, row: i32, parameterSlots: i32, firstMemberAge: i32, lastMemberAge: i32, firstAge: i32, lastAge: i32): void {
  const next = 1 - from;
  const female = (row & 1) == 0;
  survivorsOf(
    pensionersOf(from), pensionersOf(next), pensionerLowOf(next), pensionerHighOf(next), row, parameterSlots,
    firstMemberAge, lastMemberAge, firstAge, lastAge, pensionGrowth, female ? spousesF : spousesM, female ? differenceF : differenceM, survivorShare,
  );
}

/** Step 6 of row `row` from state `from` into the other state. */
export function agePensioners(from: i32, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32): void {
  const next = 1 - from;
  agePensionersOf(pensionersOf(from), pensionersOf(next), pensionerLowOf(next), pensionerHighOf(next), row, parameterSlots, firstAge, lastAge, pensionGrowth);
}

/** Step 3 for the pensioner state `part` of row `row` of state `from`. */
export function pensionerPayments(from: i32, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32, part: i32): void {
  const covered = part == OLD_AGE ? coversRetired : part == DISABILITY ? coversDisabled : coversSurvivor;
  pensionerPaymentsOf(pensionersOf(from), row, parameterSlots, firstAge, lastAge, part, part == DISABILITY, covered, healthFactor);
}

/** Step 3 for the members of row `row` of state `from`. */
export function memberPayments(from: i32, row: i32, parameterSlots: i32, firstAge: i32, lastAge: i32, counted: i32): void {
  memberPaymentsOf(
    membersOf(from), row, parameterSlots, firstAge, lastAge, counted,
    healthFactor, maternityFactor, withMaternity && (row & 1) == 0, coversActive, coversInactive,
  );
}

// §4's q of the year (context.ts enterYear), by parameter slot.
let mortality: usize = 0; //        the year's q_{s,x,t} by (sex, age): 2 × ages
let groupMultipliers: usize = 0; // each group's mortality_multiplier
let groupsInUse: usize = 0; //      1 where some cell follows the group (i32)
let groupCount: i32 = 0;

export function configureMortality(mortalityPointer: usize, multipliersPointer: usize, inUsePointer: usize, groups: i32): void {
  mortality = mortalityPointer; groupMultipliers = multipliersPointer; groupsInUse = inUsePointer; groupCount = groups;
}

/**
 * q = min(1, q_{s,x,t} × multiplier_g × F^q_t) of A, I, P and S cells, and ×
 * disability.mortality_multiplier for D cells, by parameter slot, from the
 * year's table (the caller lays it in `mortality`); 1 at max_age whatever
 * the multipliers. Groups no cell follows are left as they are.
 */
export function yearMortality(factor: f64, disabledMultiplier: f64): void {
  for (let group = 0; group < groupCount; group += 1) {
    if (load<i32>(groupsInUse + (<usize>group << 2)) == 0) continue;
    const multiplier = get(groupMultipliers, group);
    for (let sex = 0; sex < 2; sex += 1) {
      const first = (group * 2 + sex) * ages;
      for (let ageIndex = 0; ageIndex < ages - 1; ageIndex += 1) {
        const base = get(mortality, sex * ages + ageIndex);
        put(q, first + ageIndex, min<f64>(1, base * multiplier * factor));
        put(qDisabled, first + ageIndex, min<f64>(1, base * multiplier * disabledMultiplier * factor));
      }
      put(q, first + ages - 1, 1);
      put(qDisabled, first + ages - 1, 1);
    }
  }
}
