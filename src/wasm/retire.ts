// AssemblyScript (npm run build:wasm): step 1 of a year (methodology §4, §5,
// §11) over one row's member cells, as src/core/year/retire.ts describes
// it, in the same order, so that every number is the same double.
import { ACCOUNT, ACCOUNT_REFUND, ACTIVE, add, ages, annuityFactors, balanceAt, bins, CREDITS, EARNINGS, emigratedAt, emigrates, FLAT, foreignAt, get,
  HEADS, inactiveAt, memberAges, occupy, OLD_AGE, oldAgeFormula, oldAgeVesting, OWN_BALANCE, OWN_REFUND, PENSION, PENSIONER_STRIDE,
  pensionsExported, put, refundKind, RESULT_AWARD_AMOUNTS, RESULT_AWARD_HEADS, RESULT_REFUNDS, results, stride } from './memory';

/**
 * retire.ts retire() for row `row`, ages `firstAge … lastAge`: A, I and
 * (where pensions are exported) W cells with `k ≥ vesting_years` join P at
 * once, with awards.ts oldAgeAward on their averages; the others are refunded.
 * `flatAward` is `amount × 12 × J_t`, `minimumAward` `min_pension × 12 × J_t`.
 */
export function retireAgesOf(
  members: usize, pensioners: usize, pensionerLow: usize, pensionerHigh: usize, row: i32, firstAge: i32, lastAge: i32,
  flatAward: f64, accrual: f64, minimumAward: f64,
): void {
  const sex = row & 1;
  let heads: f64 = 0;
  let amount: f64 = 0;
  let refunds: f64 = 0;
  for (let ageIndex = firstAge; ageIndex <= lastAge; ageIndex += 1) {
    const cellBase = (row * memberAges + ageIndex) * bins;
    const pensioner = (row * ages + ageIndex) * PENSIONER_STRIDE + OLD_AGE;
    const annuityFactor = oldAgeFormula == ACCOUNT ? get(annuityFactors, sex * ages + ageIndex) : NaN;
    for (let part = 0; part < 3; part += 1) {
      if (part == 2 && !emigrates) break;
      const offset = part == 0 ? ACTIVE : part == 1 ? inactiveAt : emigratedAt;
      // W cells abroad become pensioners only where pensions are exported (§11).
      const pensionable = part < 2 || pensionsExported;
      for (let bin = 0; bin < bins; bin += 1) {
        const at = (cellBase + bin) * stride + offset;
        const cellHeads = get(members, at + HEADS);
        if (cellHeads == 0) continue;
        if (pensionable && bin >= oldAgeVesting) {
          const credits = get(members, at + CREDITS) / cellHeads;
          const earnings = get(members, at + EARNINGS) / cellHeads;
          const balance = balanceAt < 0 ? 0 : get(members, at + balanceAt) / cellHeads;
          const foreignCredits = foreignAt < 0 ? 0 : get(members, at + foreignAt) / cellHeads;
          // awards.ts oldAgeAward: max(Aw × ρ_A, 12 J_t min_pension × ρ), ρ of proRata, ρ_A = ρ for flat only.
          const share = foreignCredits == 0 ? 1.0 : credits / (credits + foreignCredits);
          const formula = oldAgeFormula == FLAT ? flatAward * share : oldAgeFormula == ACCOUNT ? balance / annuityFactor * 1 : accrual * earnings * 1;
          const award = cellHeads * max<f64>(formula, minimumAward * share);
          add(pensioners, pensioner, cellHeads);
          add(pensioners, pensioner + PENSION, award);
          heads += cellHeads;
          amount += award;
          occupy(pensionerLow, pensionerHigh, row, ageIndex);
        } else if (refundKind == OWN_REFUND) {
          refunds += get(members, at + OWN_BALANCE);
        } else if (refundKind == ACCOUNT_REFUND) {
          refunds += get(members, at + balanceAt);
        }
        for (let sum = 0; sum < inactiveAt; sum += 1) put(members, at + sum, 0);
      }
    }
  }
  put(results, RESULT_AWARD_HEADS, heads);
  put(results, RESULT_AWARD_AMOUNTS, amount);
  put(results, RESULT_REFUNDS, refunds);
}
