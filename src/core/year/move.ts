/**
 * Step 4 of a year (methodology §4, §11, §12): members who survive the year
 * move, from the start-of-year cell, to next year's cells one year older.
 * From an A cell (bin k): to D with the disability rate ι, to W with the
 * emigration rate e (bin k+1 with the density d, else bin k), then of the
 * rest `R` the paid share d earns a credit (bin k+1, capped at V) and the
 * lapse rate ℓ sends them to I; from an I cell: to D with ι, to W(k) with e,
 * then back to A with the reentry rate, else they stay in I. From a W cell
 * (§11): deaths `N q`; the survivors to W(k+1) with `foreign_density` (with
 * totalization; else 0), the rest to W(k), carrying `c̄' = c̄`,
 * `f̄' = f̄ + foreign_density`, `w̄' = w̄ (1 + wage_growth_t)`,
 * `b̄' = b̄ (1 + i_t)`, `ō' = ō (1 + i_t)`; W's deaths leave no survivors.
 *
 * Everyone leaving a cell alive carries its year-end averages, those of the
 * whole origin cell: for A, `c̄' = c̄ + d`, `w̄' = w̄ (1 + wage_growth_t) + S`,
 * `b̄' = b̄ (1 + i_t) + (C + M)(1 + i_t)^{1/2}`, `ō' = ō (1 + i_t) + C (1 + i_t)^{1/2}`,
 * `f̄' = f̄`; for I the same without the year's d, S, C, M. Each destination's
 * sums grow by `heads × average`. New D cells get the §5 disability award on
 * those averages (pro-rated by §11), and the award is kept for step 5's
 * survivors of the cell's deaths.
 *
 * Care credits (§12): a share f (the fertility) of the women who stay in A
 * or I is credited y years: each of their destinations, bin j, is split into
 * j with 1 − f and min(j + y, V) with f, and every stayer carries the origin
 * cell's care credits on top of §4's averages. The births are counted for
 * the state's care-credit contributions.
 */
import { type DisabilityAwardTerms, disabilityAwardOf, disabilityAwardTerms, proRata } from '../awards.js';
import { Flow, flowRow } from '../flows.js';
import { memberCellIndex, rowIndex, slotIndex } from '../layout.js';
import { ACTIVE, type CohortState, CREDITS, DISABILITY, EARNINGS, HEADS, occupy, OWN_BALANCE, PENSION, PENSIONER_STRIDE } from '../state.js';
import { ARRIVED_BALANCE, ARRIVED_FOREIGN, ARRIVED_INACTIVE, arrivalIndex, arrive, SHARE } from './arrivals.js';
import type { YearContext } from './context.js';

const NO_AWARD: DisabilityAwardTerms = { fixed: 0, replacement: 0, minimum: 0 };

export function move(context: YearContext, state: CohortState, next: CohortState, row: number, flows: Float64Array): void {
  const { model } = context;
  const { layout } = model;
  const disability = model.scheme.benefits.disability;
  const terms = disability ? disabilityAwardTerms(disability, model.scheme.benefits.old_age.min_pension, context.nextBenefitIndex) : NO_AWARD;
  const parameterSlots = slotIndex(layout, rowIndex(model.groupOfCell[row >> 1]!, row % 2), 0);
  // Care credits go to women (§12), and only when the scheme grants them.
  const careCredits = row % 2 === 0 && context.careCreditYears > 0;
  const last = lastMovingAge(context, state, row);
  context.births = 0;
  moveAges(context, state, next, row, state.memberAges.low[row]!, last, parameterSlots, terms, careCredits);
  context.memberHeadsOf = row;
  if (context.births > 0) flows[flowRow(row) + Flow.care_credit_contributions]! += context.births * context.careCreditContribution;
}

/**
 * The oldest age of a row whose members move this year: step 1 has retired
 * everyone at or past the sex's retirement age, so the last members stand a
 * year below it (and move to next year's cells at the retirement age).
 */
export function lastMovingAge(context: YearContext, state: CohortState, row: number): number {
  return Math.min(state.memberAges.high[row]!, context.model.retirementAgeIndex[row % 2]! - 1);
}

/**
 * The A, I (and W) cells of a row's ages `firstAge … lastAge`, every credit
 * bin, into next year's cells one year older (one function for the row, so
 * that what the row's ages share is read once). The moves are done on sums: a destination that
 * takes a share `f` of a cell's `N` members gets `f N` heads and `f` times
 * each of the cell's year-end sums (`N ×` the year-end average, e.g.
 * `Σc' = Σc + N d`), which is `heads × average` without a division.
 *
 * Bin k of next year receives the members of bin k who earn no credit and
 * those of bin k − 1 who earn one (and bin V also those of bin V who do):
 * the bins are walked upwards carrying the credit-earners of the bin below,
 * so that each destination cell is written once. The care-credited share of
 * women who stay goes to context.arrivals by destination bin (always a bin
 * above their origin's, or the top bin), which the walk adds in when it
 * writes that bin. Next year's cells of age + 1
 * receive nobody else (entrants join the current year's state), so they are
 * set, not added to.
 */
function moveAges(
  context: YearContext, state: CohortState, next: CohortState, row: number, firstAge: number, lastAge: number, parameterSlots: number,
  terms: DisabilityAwardTerms, careCredits: boolean,
): void {
  const { model } = context;
  const { layout, rates } = model;
  const { bins, memberStride: stride } = layout;
  const inactiveAt = layout.memberPart;
  const emigratedAt = 2 * layout.memberPart;
  // b̄ and f̄ where the scheme reads them (state.ts memberSumsOf): elsewhere they are worked out as 0 and not stored.
  const balanceAt = layout.balanceSum;
  const foreignAt = layout.foreignSum;
  const carriesBalance = balanceAt >= 0;
  const carriesForeign = foreignAt >= 0;
  const topBin = bins - 1;
  const disability = model.scheme.benefits.disability;
  // Disability awards are needed where members become disabled, and where
  // their deaths leave survivors (§4 step 5: when both benefits are paid).
  const vesting = disability ? disability.vesting_years : bins;
  const awardEveryVested = disability !== undefined && model.scheme.benefits.survivors !== undefined;
  const { memberYear } = context;
  const growth = 1 + context.investmentReturn;
  const revaluation = 1 + context.wageGrowth;
  const halfYearGrowth = context.halfYearGrowth;
  // W cells exist only in schemes with emigration (§11); arrivals only serve care credits (§12).
  const emigrates = model.emigrates;
  const foreignDensity = model.foreignDensity;
  const arrivals = context.arrivals;
  const sums = context.moveSums;
  const creditedYears = context.careCreditYears;
  const { members } = state;
  const destinations = next.members;
  for (let ageIndex = firstAge; ageIndex <= lastAge; ageIndex += 1) {
    const at = parameterSlots + ageIndex;
    const q = context.q[at]!;
    const survival = 1 - q;
    const disabilityRate = disability ? rates.disability[at]! : 0;
    const emigration = rates.emigration[at]!;
    const fertility = careCredits ? rates.fertility[at]! : 0;
    const lapse = rates.lapse[at]!;
    const reentry = rates.reentry[at]!;
    const density = memberYear.density[at]!;
    const insured = memberYear.insuredEarnings[at]!;
    const contributions = memberYear.contributions[at]!;
    const accountAdded = (contributions + memberYear.matching[at]!) * halfYearGrowth;
    const ownAdded = contributions * halfYearGrowth;
    if (fertility > 0) arrivals.fill(0, 0, arrivalIndex(bins));
    const keep = 1 - fertility; // the stayers' share left in their bin by care credits (§12)
    const cellBase = memberCellIndex(layout, row, ageIndex);
    const nextBase = memberCellIndex(layout, row, ageIndex + 1);
    let disabledHeads = 0;
    let disabledPensions = 0;
    // Heads of the age's A, I and W cells for step 3, summed bin by bin as it would.
    let activeTotal = 0, inactiveTotal = 0, emigrantTotal = 0;
    let vestedDeaths = 0;
    let vestedDeathPensions = 0;
    let anyone = false;
    // The walk stops where nobody can arrive: above the highest bin that holds
    // anyone, plus a credit and care credits' y. Next year's cells are clear,
    // so the bins it does not write are already right.
    let highest = -1;
    for (let bin = topBin; bin >= 0 && highest < 0; bin -= 1) {
      const from = (cellBase + bin) * stride;
      if (members[from + ACTIVE + HEADS]! > 0 || members[from + inactiveAt + HEADS]! > 0 || (emigrates && members[from + emigratedAt + HEADS]! > 0)) highest = bin;
    }
    const lastBin = Math.min(highest + 1 + (fertility > 0 ? creditedYears : 0), topBin);
    // Credit-earners of the bin below, on their way to this bin: A part, then I part.
    let upActiveHeads = 0, upActiveCredits = 0, upActiveEarnings = 0, upActiveBalance = 0, upActiveOwn = 0, upActiveForeign = 0;
    let upInactiveHeads = 0, upInactiveCredits = 0, upInactiveEarnings = 0, upInactiveBalance = 0, upInactiveOwn = 0, upInactiveForeign = 0;
    // Emigrants of the bin below (§11) who earned a credit (A) or a foreign credit (W).
    let upAbroadHeads = 0, upAbroadCredits = 0, upAbroadEarnings = 0, upAbroadBalance = 0, upAbroadOwn = 0, upAbroadForeign = 0;
    for (let bin = 0; bin <= lastBin; bin += 1) {
      const from = (cellBase + bin) * stride;
      const upBin = Math.min(bin + 1, topBin);
      const vested = bin >= vesting;
      const incidence = vested ? disabilityRate : 0;
      const alive = survival * (1 - incidence); // alive and not disabled
      const staying = alive * (1 - emigration); // the R of §4 step 4, per head
      const leaving = alive * emigration; //       to W (§11), per head
      // This bin's members who stay in their bin (A to A and I, I to A and I), then those who go up.
      let activeHeads = upActiveHeads, activeCredits = upActiveCredits, activeEarnings = upActiveEarnings;
      let activeBalance = upActiveBalance, activeOwn = upActiveOwn, activeForeign = upActiveForeign;
      let inactiveHeads = upInactiveHeads, inactiveCredits = upInactiveCredits, inactiveEarnings = upInactiveEarnings;
      let inactiveBalance = upInactiveBalance, inactiveOwn = upInactiveOwn, inactiveForeign = upInactiveForeign;
      upActiveHeads = 0; upActiveCredits = 0; upActiveEarnings = 0; upActiveBalance = 0; upActiveOwn = 0; upActiveForeign = 0;
      upInactiveHeads = 0; upInactiveCredits = 0; upInactiveEarnings = 0; upInactiveBalance = 0; upInactiveOwn = 0; upInactiveForeign = 0;
      let abroadHeads = upAbroadHeads, abroadCredits = upAbroadCredits, abroadEarnings = upAbroadEarnings;
      let abroadBalance = upAbroadBalance, abroadOwn = upAbroadOwn, abroadForeign = upAbroadForeign;
      upAbroadHeads = 0; upAbroadCredits = 0; upAbroadEarnings = 0; upAbroadBalance = 0; upAbroadOwn = 0; upAbroadForeign = 0;

      const heads = members[from + ACTIVE + HEADS]!;
      activeTotal += heads;
      if (heads > 0) {
        anyone = true;
        let credits = members[from + ACTIVE + CREDITS]! + heads * density;
        let earnings = members[from + ACTIVE + EARNINGS]! * revaluation + heads * insured;
        let balance = (carriesBalance ? members[from + ACTIVE + balanceAt]! : 0) * growth + heads * accountAdded;
        const ownBalance = members[from + ACTIVE + OWN_BALANCE]! * growth + heads * ownAdded;
        const foreign = carriesForeign ? members[from + ACTIVE + foreignAt]! : 0;
        if (vested && (incidence > 0 || awardEveryVested)) {
          const award = disabilityAwardOf(terms, credits, earnings, heads, proRata(credits, foreign));
          disabledHeads += heads * survival * incidence;
          disabledPensions += heads * survival * incidence * award;
          vestedDeaths += heads * q;
          vestedDeathPensions += heads * q * award;
        }
        if (leaving > 0) {
          // §11: emigrants carry §4's year-end averages only, to W(k+1) with the density, else W(k).
          const away = leaving * (1 - density);
          abroadHeads += away * heads; abroadCredits += away * credits; abroadEarnings += away * earnings;
          abroadBalance += away * balance; abroadOwn += away * ownBalance; abroadForeign += away * foreign;
          const awayUp = leaving * density;
          upAbroadHeads = awayUp * heads; upAbroadCredits = awayUp * credits; upAbroadEarnings = awayUp * earnings;
          upAbroadBalance = awayUp * balance; upAbroadOwn = awayUp * ownBalance; upAbroadForeign = awayUp * foreign;
        }
        if (fertility > 0) {
          // §12: the stayers carry the whole cell's care credits; a share f of each destination moves y bins up.
          context.births += heads * staying * fertility;
          const credited = heads * fertility;
          credits += credited * creditedYears;
          earnings += credited * context.careCreditEarnings;
          balance += credited * context.careCreditBalance;
          sums[HEADS] = heads; sums[CREDITS] = credits; sums[EARNINGS] = earnings;
          sums[ARRIVED_BALANCE] = balance; sums[OWN_BALANCE] = ownBalance; sums[ARRIVED_FOREIGN] = foreign;
          const upCredited = arrivalIndex(Math.min(upBin + creditedYears, topBin));
          const stayCredited = arrivalIndex(Math.min(bin + creditedYears, topBin));
          sums[SHARE] = fertility * staying * density * (1 - lapse); arrive(arrivals, upCredited + ACTIVE, sums);
          sums[SHARE] = fertility * staying * density * lapse; arrive(arrivals, upCredited + ARRIVED_INACTIVE, sums);
          sums[SHARE] = fertility * staying * (1 - density) * (1 - lapse); arrive(arrivals, stayCredited + ACTIVE, sums);
          sums[SHARE] = fertility * staying * (1 - density) * lapse; arrive(arrivals, stayCredited + ARRIVED_INACTIVE, sums);
        }
        const stayActive = keep * staying * (1 - density) * (1 - lapse);
        const stayInactive = keep * staying * (1 - density) * lapse;
        activeHeads += stayActive * heads; activeCredits += stayActive * credits; activeEarnings += stayActive * earnings;
        activeBalance += stayActive * balance; activeOwn += stayActive * ownBalance; activeForeign += stayActive * foreign;
        inactiveHeads += stayInactive * heads; inactiveCredits += stayInactive * credits; inactiveEarnings += stayInactive * earnings;
        inactiveBalance += stayInactive * balance; inactiveOwn += stayInactive * ownBalance; inactiveForeign += stayInactive * foreign;
        const upActive = keep * staying * density * (1 - lapse);
        const upInactive = keep * staying * density * lapse;
        upActiveHeads = upActive * heads; upActiveCredits = upActive * credits; upActiveEarnings = upActive * earnings;
        upActiveBalance = upActive * balance; upActiveOwn = upActive * ownBalance; upActiveForeign = upActive * foreign;
        upInactiveHeads = upInactive * heads; upInactiveCredits = upInactive * credits; upInactiveEarnings = upInactive * earnings;
        upInactiveBalance = upInactive * balance; upInactiveOwn = upInactive * ownBalance; upInactiveForeign = upInactive * foreign;
      }
      const idle = members[from + inactiveAt + HEADS]!;
      inactiveTotal += idle;
      if (idle > 0) {
        anyone = true;
        let credits = members[from + inactiveAt + CREDITS]!;
        let earnings = members[from + inactiveAt + EARNINGS]! * revaluation;
        let balance = (carriesBalance ? members[from + inactiveAt + balanceAt]! : 0) * growth;
        const ownBalance = members[from + inactiveAt + OWN_BALANCE]! * growth;
        const foreign = carriesForeign ? members[from + inactiveAt + foreignAt]! : 0;
        if (vested && (incidence > 0 || awardEveryVested)) {
          const award = disabilityAwardOf(terms, credits, earnings, idle, proRata(credits, foreign));
          disabledHeads += idle * survival * incidence;
          disabledPensions += idle * survival * incidence * award;
          vestedDeaths += idle * q;
          vestedDeathPensions += idle * q * award;
        }
        if (leaving > 0) {
          abroadHeads += leaving * idle; abroadCredits += leaving * credits; abroadEarnings += leaving * earnings;
          abroadBalance += leaving * balance; abroadOwn += leaving * ownBalance; abroadForeign += leaving * foreign;
        }
        if (fertility > 0) {
          context.births += idle * staying * fertility;
          const credited = idle * fertility;
          credits += credited * creditedYears;
          earnings += credited * context.careCreditEarnings;
          balance += credited * context.careCreditBalance;
          sums[HEADS] = idle; sums[CREDITS] = credits; sums[EARNINGS] = earnings;
          sums[ARRIVED_BALANCE] = balance; sums[OWN_BALANCE] = ownBalance; sums[ARRIVED_FOREIGN] = foreign;
          const stayCredited = arrivalIndex(Math.min(bin + creditedYears, topBin));
          sums[SHARE] = fertility * staying * reentry; arrive(arrivals, stayCredited + ACTIVE, sums);
          sums[SHARE] = fertility * staying * (1 - reentry); arrive(arrivals, stayCredited + ARRIVED_INACTIVE, sums);
        }
        const back = keep * staying * reentry;
        const stay = keep * staying * (1 - reentry);
        activeHeads += back * idle; activeCredits += back * credits; activeEarnings += back * earnings;
        activeBalance += back * balance; activeOwn += back * ownBalance; activeForeign += back * foreign;
        inactiveHeads += stay * idle; inactiveCredits += stay * credits; inactiveEarnings += stay * earnings;
        inactiveBalance += stay * balance; inactiveOwn += stay * ownBalance; inactiveForeign += stay * foreign;
      }
      const abroad = emigrates ? members[from + emigratedAt + HEADS]! : 0;
      emigrantTotal += abroad;
      if (abroad > 0) {
        // §11: W's survivors, a year abroad credited with foreign_density; no contributions, no disability.
        anyone = true;
        const credits = members[from + emigratedAt + CREDITS]!;
        const earnings = members[from + emigratedAt + EARNINGS]! * revaluation;
        const balance = (carriesBalance ? members[from + emigratedAt + balanceAt]! : 0) * growth;
        const ownBalance = members[from + emigratedAt + OWN_BALANCE]! * growth;
        const foreign = (carriesForeign ? members[from + emigratedAt + foreignAt]! : 0) + abroad * foreignDensity;
        const stay = survival * (1 - foreignDensity);
        abroadHeads += stay * abroad; abroadCredits += stay * credits; abroadEarnings += stay * earnings;
        abroadBalance += stay * balance; abroadOwn += stay * ownBalance; abroadForeign += stay * foreign;
        const up = survival * foreignDensity;
        upAbroadHeads += up * abroad; upAbroadCredits += up * credits; upAbroadEarnings += up * earnings;
        upAbroadBalance += up * balance; upAbroadOwn += up * ownBalance; upAbroadForeign += up * foreign;
      }
      if (bin === topBin) {
        // V is "V or more": those who earn a credit in the top bin stay in it.
        activeHeads += upActiveHeads; activeCredits += upActiveCredits; activeEarnings += upActiveEarnings;
        activeBalance += upActiveBalance; activeOwn += upActiveOwn; activeForeign += upActiveForeign;
        inactiveHeads += upInactiveHeads; inactiveCredits += upInactiveCredits; inactiveEarnings += upInactiveEarnings;
        inactiveBalance += upInactiveBalance; inactiveOwn += upInactiveOwn; inactiveForeign += upInactiveForeign;
        abroadHeads += upAbroadHeads; abroadCredits += upAbroadCredits; abroadEarnings += upAbroadEarnings;
        abroadBalance += upAbroadBalance; abroadOwn += upAbroadOwn; abroadForeign += upAbroadForeign;
      }
      const to = (nextBase + bin) * stride;
      if (fertility > 0) {
        // Every arrival in this bin comes from a bin below or, at the top, from this one: all are in.
        const arrived = arrivalIndex(bin);
        activeHeads += arrivals[arrived + ACTIVE + HEADS]!; activeCredits += arrivals[arrived + ACTIVE + CREDITS]!;
        activeEarnings += arrivals[arrived + ACTIVE + EARNINGS]!; activeBalance += arrivals[arrived + ACTIVE + ARRIVED_BALANCE]!;
        activeOwn += arrivals[arrived + ACTIVE + OWN_BALANCE]!; activeForeign += arrivals[arrived + ACTIVE + ARRIVED_FOREIGN]!;
        inactiveHeads += arrivals[arrived + ARRIVED_INACTIVE + HEADS]!; inactiveCredits += arrivals[arrived + ARRIVED_INACTIVE + CREDITS]!;
        inactiveEarnings += arrivals[arrived + ARRIVED_INACTIVE + EARNINGS]!; inactiveBalance += arrivals[arrived + ARRIVED_INACTIVE + ARRIVED_BALANCE]!;
        inactiveOwn += arrivals[arrived + ARRIVED_INACTIVE + OWN_BALANCE]!; inactiveForeign += arrivals[arrived + ARRIVED_INACTIVE + ARRIVED_FOREIGN]!;
      }
      if (emigrates) {
        destinations[to + emigratedAt + HEADS] = abroadHeads;
        destinations[to + emigratedAt + CREDITS] = abroadCredits;
        destinations[to + emigratedAt + EARNINGS] = abroadEarnings;
        destinations[to + emigratedAt + OWN_BALANCE] = abroadOwn;
        if (carriesBalance) destinations[to + emigratedAt + balanceAt] = abroadBalance;
        if (carriesForeign) destinations[to + emigratedAt + foreignAt] = abroadForeign;
      }
      destinations[to + ACTIVE + HEADS] = activeHeads;
      destinations[to + ACTIVE + CREDITS] = activeCredits;
      destinations[to + ACTIVE + EARNINGS] = activeEarnings;
      destinations[to + ACTIVE + OWN_BALANCE] = activeOwn;
      destinations[to + inactiveAt + HEADS] = inactiveHeads;
      destinations[to + inactiveAt + CREDITS] = inactiveCredits;
      destinations[to + inactiveAt + EARNINGS] = inactiveEarnings;
      destinations[to + inactiveAt + OWN_BALANCE] = inactiveOwn;
      if (carriesBalance) { destinations[to + ACTIVE + balanceAt] = activeBalance; destinations[to + inactiveAt + balanceAt] = inactiveBalance; }
      if (carriesForeign) { destinations[to + ACTIVE + foreignAt] = activeForeign; destinations[to + inactiveAt + foreignAt] = inactiveForeign; }
    }
    const counted = 3 * ageIndex;
    context.memberHeads[counted] = activeTotal;
    context.memberHeads[counted + 1] = inactiveTotal;
    context.memberHeads[counted + 2] = emigrantTotal;
    // Step 5 leaves survivors of the vested members who died: their heads and award-weighted sum, by age.
    context.memberDeaths[ageIndex] = vestedDeaths;
    context.memberDeathPensions[ageIndex] = vestedDeathPensions;
    if (anyone) occupy(next.memberAges, row, ageIndex + 1);
    if (disabledHeads > 0) {
      // Every bin's newly disabled join the same D cell, one year older.
      const slot = slotIndex(layout, row, ageIndex + 1) * PENSIONER_STRIDE + DISABILITY;
      next.pensioners[slot]! += disabledHeads;
      next.pensioners[slot + PENSION]! += disabledPensions;
      occupy(next.pensionerAges, row, ageIndex + 1);
    }
  }
}
