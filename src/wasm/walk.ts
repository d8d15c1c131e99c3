// AssemblyScript (npm run build:wasm): step 4 of a year (methodology §4, §11,
// §12), the walk of one row's member cells into next year's cells, as
// src/core/year/move.ts describes it, in the same order, so that every
// number is the same double.
import { ACTIVE, add, ages, arrivals, balanceAt, bins, contributionsOf, CREDITS, densities, DISABILITY, disabilityRates, EARNINGS, emigratedAt,
  emigrates, emigrationRates, fertilityRates, foreignAt, foreignDensity, get, HEADS, inactiveAt, insuredEarnings, lapseRates, matchingOf, memberAges,
  memberDeathPensions, memberDeaths, memberHeads, occupy, OWN_BALANCE, PENSION, PENSIONER_STRIDE, put, q, reentryRates, stride } from './memory';

// Sums of an arrival part (arrivals.ts): heads, credits, earnings, own balance, balance, foreign credits.
export const ARRIVAL_SUMS: i32 = 6;
export const ARRIVED_INACTIVE: i32 = 6;
@inline function arrivalIndex(bin: i32): i32 { return bin * 2 * ARRIVAL_SUMS; }

// awards.ts disabilityAwardOf(terms, credits, earnings, heads, proRata(credits, foreign)).
@inline function disabilityAward(fixed: f64, replacement: f64, minimum: f64, credits: f64, earnings: f64, heads: f64, foreign: f64): f64 {
  const share = foreign == 0 ? 1.0 : credits / (credits + foreign);
  return max<f64>(fixed + replacement * earnings / max<f64>(credits, heads), minimum) * share;
}

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
export function moveAgesOf(
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
    // The bins above hold nobody: zeroed, so that next year's cells of this age need no clearing beforehand (state.ts releaseRow).
    if (lastBin < topBin) memory.fill(destinations + (<usize>((nextBase + lastBin + 1) * stride) << 3), 0, <usize>((topBin - lastBin) * stride) << 3);
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
