// Prototype: step 4's A/I walk (no W, no care credits), 12 numbers a cell (six sums for A and I), f64x2 over sum pairs.
// Cell: A (heads, credits, earnings, balance, own, foreign), I (same): 12 doubles, 96 bytes.
const P: i32 = 10; // params per age: q, dis, lapse, reentry, density, insured, contributions, matching, emig, fert

@inline function award(fixed: f64, replacement: f64, minimum: f64, credits: f64, earnings: f64, heads: f64, foreign: f64): f64 {
  const share = foreign == 0 ? 1.0 : credits / (credits + foreign);
  return max(fixed + replacement * earnings / max(credits, heads), minimum) * share;
}

export function moveAges(
  members: usize, dest: usize, params: usize, out: usize, firstAge: i32, lastAge: i32, bins: i32,
  vesting: i32, awardEveryVested: bool, growth: f64, revaluation: f64, halfYearGrowth: f64,
  fixed: f64, replacement: f64, minimum: f64,
): void {
  const topBin = bins - 1;
  const stride: usize = 96;
  for (let age = firstAge; age <= lastAge; age++) {
    const pa = params + <usize>(age * P * 8);
    const q = load<f64>(pa, 0);
    const survival = 1 - q;
    const disabilityRate = load<f64>(pa, 8);
    const lapse = load<f64>(pa, 16);
    const reentry = load<f64>(pa, 24);
    const density = load<f64>(pa, 32);
    const insured = load<f64>(pa, 40);
    const contributions = load<f64>(pa, 48);
    const accountAdded = (contributions + load<f64>(pa, 56)) * halfYearGrowth;
    const ownAdded = contributions * halfYearGrowth;
    const cellBase = members + <usize>(age * bins) * stride;
    const nextBase = dest + <usize>((age + 1) * bins) * stride;
    let highest = -1;
    for (let bin = topBin; bin >= 0 && highest < 0; bin--) {
      const from = cellBase + <usize>bin * stride;
      if (load<f64>(from, 0) > 0 || load<f64>(from, 48) > 0) highest = bin;
    }
    const lastBin = min(highest + 1, topBin);
    const addA0 = f64x2(0, density);
    const mulA1 = f64x2(revaluation, growth);
    const addA1 = f64x2(insured, accountAdded);
    const mulA2 = f64x2(growth, 1);
    const addA2 = f64x2(ownAdded, 0);
    const mulI1 = f64x2(revaluation, growth);
    const mulI2 = f64x2(growth, 1);
    let upA0 = f64x2.splat(0), upA1 = f64x2.splat(0), upA2 = f64x2.splat(0);
    let upI0 = f64x2.splat(0), upI1 = f64x2.splat(0), upI2 = f64x2.splat(0);
    let activeTotal: f64 = 0, inactiveTotal: f64 = 0, vestedDeaths: f64 = 0, vestedDeathPensions: f64 = 0, disabledHeads: f64 = 0, disabledPensions: f64 = 0;
    for (let bin = 0; bin <= lastBin; bin++) {
      const from = cellBase + <usize>bin * stride;
      const vested = bin >= vesting;
      const incidence = vested ? disabilityRate : 0;
      const alive = survival * (1 - incidence);
      const staying = alive * (1 - 0.0);
      let a0 = upA0, a1 = upA1, a2 = upA2, i0 = upI0, i1 = upI1, i2 = upI2;
      upA0 = f64x2.splat(0); upA1 = f64x2.splat(0); upA2 = f64x2.splat(0);
      upI0 = f64x2.splat(0); upI1 = f64x2.splat(0); upI2 = f64x2.splat(0);
      const heads = load<f64>(from, 0);
      activeTotal += heads;
      if (heads > 0) {
        const h = f64x2.splat(heads);
        const v0 = f64x2.add(v128.load(from, 0), f64x2.mul(h, addA0));
        const v1 = f64x2.add(f64x2.mul(v128.load(from, 16), mulA1), f64x2.mul(h, addA1));
        const v2 = f64x2.add(f64x2.mul(v128.load(from, 32), mulA2), f64x2.mul(h, addA2));
        if (vested && (incidence > 0 || awardEveryVested)) {
          const aw = award(fixed, replacement, minimum, f64x2.extract_lane(v0, 1), f64x2.extract_lane(v1, 0), heads, f64x2.extract_lane(v2, 1));
          disabledHeads += heads * survival * incidence;
          disabledPensions += heads * survival * incidence * aw;
          vestedDeaths += heads * q;
          vestedDeathPensions += heads * q * aw;
        }
        const sA = f64x2.splat(staying * (1 - density) * (1 - lapse));
        const sI = f64x2.splat(staying * (1 - density) * lapse);
        a0 = f64x2.add(a0, f64x2.mul(sA, v0)); a1 = f64x2.add(a1, f64x2.mul(sA, v1)); a2 = f64x2.add(a2, f64x2.mul(sA, v2));
        i0 = f64x2.add(i0, f64x2.mul(sI, v0)); i1 = f64x2.add(i1, f64x2.mul(sI, v1)); i2 = f64x2.add(i2, f64x2.mul(sI, v2));
        const uA = f64x2.splat(staying * density * (1 - lapse));
        const uI = f64x2.splat(staying * density * lapse);
        upA0 = f64x2.mul(uA, v0); upA1 = f64x2.mul(uA, v1); upA2 = f64x2.mul(uA, v2);
        upI0 = f64x2.mul(uI, v0); upI1 = f64x2.mul(uI, v1); upI2 = f64x2.mul(uI, v2);
      }
      const idle = load<f64>(from, 48);
      inactiveTotal += idle;
      if (idle > 0) {
        const w0 = v128.load(from, 48);
        const w1 = f64x2.mul(v128.load(from, 64), mulI1);
        const w2 = f64x2.mul(v128.load(from, 80), mulI2);
        if (vested && (incidence > 0 || awardEveryVested)) {
          const aw = award(fixed, replacement, minimum, f64x2.extract_lane(w0, 1), f64x2.extract_lane(w1, 0), idle, f64x2.extract_lane(w2, 1));
          disabledHeads += idle * survival * incidence;
          disabledPensions += idle * survival * incidence * aw;
          vestedDeaths += idle * q;
          vestedDeathPensions += idle * q * aw;
        }
        const b = f64x2.splat(staying * reentry);
        const s = f64x2.splat(staying * (1 - reentry));
        a0 = f64x2.add(a0, f64x2.mul(b, w0)); a1 = f64x2.add(a1, f64x2.mul(b, w1)); a2 = f64x2.add(a2, f64x2.mul(b, w2));
        i0 = f64x2.add(i0, f64x2.mul(s, w0)); i1 = f64x2.add(i1, f64x2.mul(s, w1)); i2 = f64x2.add(i2, f64x2.mul(s, w2));
      }
      if (bin == topBin) {
        a0 = f64x2.add(a0, upA0); a1 = f64x2.add(a1, upA1); a2 = f64x2.add(a2, upA2);
        i0 = f64x2.add(i0, upI0); i1 = f64x2.add(i1, upI1); i2 = f64x2.add(i2, upI2);
      }
      const to = nextBase + <usize>bin * stride;
      v128.store(to, a0, 0); v128.store(to, a1, 16); v128.store(to, a2, 32);
      v128.store(to, i0, 48); v128.store(to, i1, 64); v128.store(to, i2, 80);
    }
    const o = out + <usize>(age * 6 * 8);
    store<f64>(o, activeTotal, 0); store<f64>(o, inactiveTotal, 8); store<f64>(o, vestedDeaths, 16);
    store<f64>(o, vestedDeathPensions, 24); store<f64>(o, disabledHeads, 32); store<f64>(o, disabledPensions, 40);
  }
}
