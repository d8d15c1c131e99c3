import fs from 'node:fs';
const bytes = fs.readFileSync(new URL('./walk12.wasm', import.meta.url));
const { instance } = await WebAssembly.instantiate(bytes, { env: { abort() { throw new Error('abort'); } } });
const { moveAges: wasmMove, memory } = instance.exports;
const ages = 46, bins = 26, rows = 40, stride = 12, P = 10;
const cellsPerRow = (ages + 1) * bins;
const stateDoubles = cellsPerRow * stride; // per row
const need = (2 * rows * stateDoubles + rows * ages * P + ages * 6 * 2) * 8 + 65536;
const pages = Math.ceil(need / 65536) - memory.buffer.byteLength / 65536;
if (pages > 0) memory.grow(pages);
const buf = memory.buffer;
const membersAt = 0, destAt = rows * stateDoubles * 8, paramsAt = 2 * rows * stateDoubles * 8, outAt = paramsAt + rows * ages * P * 8;
const f = new Float64Array(buf);
let seed = 7; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
for (let r = 0; r < rows; r++) for (let a = 0; a < ages; a++) for (let b = 0; b < bins; b++) {
  const c = (membersAt / 8) + r * stateDoubles + (a * bins + b) * stride;
  if (b > a) continue;
  for (const part of [0, 6]) { const h = rnd() * 100; f[c + part] = h; f[c + part + 1] = h * b; f[c + part + 2] = h * 1e5 * rnd(); f[c + part + 3] = 0; f[c + part + 4] = h * 3000 * rnd(); f[c + part + 5] = 0; }
}
for (let r = 0; r < rows; r++) for (let a = 0; a < ages; a++) { const p = paramsAt / 8 + (r * ages + a) * P; f[p] = 0.001 + a * 1e-4; f[p + 1] = 0.002; f[p + 2] = 0.2; f[p + 3] = 0.15; f[p + 4] = 0.6 + rnd() * 0.1; f[p + 5] = 4e5; f[p + 6] = 3e4; f[p + 7] = 1e4; }
const growth = 1.05, reval = 1.04, half = Math.sqrt(1.05), vesting = 5, fixed = 0, replacement = 0.4, minimum = 360;

function jsMove(f, members, dest, params, out, firstAge, lastAge) {
  const topBin = bins - 1;
  for (let age = firstAge; age <= lastAge; age++) {
    const pa = params + age * P;
    const q = f[pa], survival = 1 - q, disabilityRate = f[pa + 1], lapse = f[pa + 2], reentry = f[pa + 3], density = f[pa + 4], insured = f[pa + 5], contributions = f[pa + 6];
    const accountAdded = (contributions + f[pa + 7]) * half, ownAdded = contributions * half;
    const cellBase = members + age * bins * stride, nextBase = dest + (age + 1) * bins * stride;
    let highest = -1;
    for (let bin = topBin; bin >= 0 && highest < 0; bin--) { const from = cellBase + bin * stride; if (f[from] > 0 || f[from + 6] > 0) highest = bin; }
    const lastBin = Math.min(highest + 1, topBin);
    let uAH = 0, uAC = 0, uAE = 0, uAB = 0, uAO = 0, uAF = 0, uIH = 0, uIC = 0, uIE = 0, uIB = 0, uIO = 0, uIF = 0;
    let activeTotal = 0, inactiveTotal = 0, vd = 0, vdp = 0, dh = 0, dp = 0;
    for (let bin = 0; bin <= lastBin; bin++) {
      const from = cellBase + bin * stride;
      const vested = bin >= vesting, incidence = vested ? disabilityRate : 0, alive = survival * (1 - incidence), staying = alive;
      let aH = uAH, aC = uAC, aE = uAE, aB = uAB, aO = uAO, aF = uAF, iH = uIH, iC = uIC, iE = uIE, iB = uIB, iO = uIO, iF = uIF;
      uAH = 0; uAC = 0; uAE = 0; uAB = 0; uAO = 0; uAF = 0; uIH = 0; uIC = 0; uIE = 0; uIB = 0; uIO = 0; uIF = 0;
      const heads = f[from]; activeTotal += heads;
      if (heads > 0) {
        const credits = f[from + 1] + heads * density, earnings = f[from + 2] * reval + heads * insured, balance = f[from + 3] * growth + heads * accountAdded, own = f[from + 4] * growth + heads * ownAdded, foreign = f[from + 5];
        if (vested) { const share = foreign === 0 ? 1 : credits / (credits + foreign); const aw = Math.max(fixed + replacement * earnings / Math.max(credits, heads), minimum) * share; dh += heads * survival * incidence; dp += heads * survival * incidence * aw; vd += heads * q; vdp += heads * q * aw; }
        const sA = staying * (1 - density) * (1 - lapse), sI = staying * (1 - density) * lapse;
        aH += sA * heads; aC += sA * credits; aE += sA * earnings; aB += sA * balance; aO += sA * own; aF += sA * foreign;
        iH += sI * heads; iC += sI * credits; iE += sI * earnings; iB += sI * balance; iO += sI * own; iF += sI * foreign;
        const uA = staying * density * (1 - lapse), uI = staying * density * lapse;
        uAH = uA * heads; uAC = uA * credits; uAE = uA * earnings; uAB = uA * balance; uAO = uA * own; uAF = uA * foreign;
        uIH = uI * heads; uIC = uI * credits; uIE = uI * earnings; uIB = uI * balance; uIO = uI * own; uIF = uI * foreign;
      }
      const idle = f[from + 6]; inactiveTotal += idle;
      if (idle > 0) {
        const credits = f[from + 7], earnings = f[from + 8] * reval, balance = f[from + 9] * growth, own = f[from + 10] * growth, foreign = f[from + 11];
        if (vested) { const share = foreign === 0 ? 1 : credits / (credits + foreign); const aw = Math.max(fixed + replacement * earnings / Math.max(credits, idle), minimum) * share; dh += idle * survival * incidence; dp += idle * survival * incidence * aw; vd += idle * q; vdp += idle * q * aw; }
        const b = staying * reentry, s = staying * (1 - reentry);
        aH += b * idle; aC += b * credits; aE += b * earnings; aB += b * balance; aO += b * own; aF += b * foreign;
        iH += s * idle; iC += s * credits; iE += s * earnings; iB += s * balance; iO += s * own; iF += s * foreign;
      }
      if (bin === topBin) { aH += uAH; aC += uAC; aE += uAE; aB += uAB; aO += uAO; aF += uAF; iH += uIH; iC += uIC; iE += uIE; iB += uIB; iO += uIO; iF += uIF; }
      const to = nextBase + bin * stride;
      f[to] = aH; f[to + 1] = aC; f[to + 2] = aE; f[to + 3] = aB; f[to + 4] = aO; f[to + 5] = aF;
      f[to + 6] = iH; f[to + 7] = iC; f[to + 8] = iE; f[to + 9] = iB; f[to + 10] = iO; f[to + 11] = iF;
    }
    const o = out + age * 6; f[o] = activeTotal; f[o + 1] = inactiveTotal; f[o + 2] = vd; f[o + 3] = vdp; f[o + 4] = dh; f[o + 5] = dp;
  }
}
const runJs = () => { for (let r = 0; r < rows; r++) jsMove(f, membersAt / 8 + r * stateDoubles, destAt / 8 + r * stateDoubles, paramsAt / 8 + r * ages * P, outAt / 8, 0, ages - 2); };
const runWasm = () => { for (let r = 0; r < rows; r++) wasmMove(membersAt + r * stateDoubles * 8, destAt + r * stateDoubles * 8, paramsAt + r * ages * P * 8, outAt, 0, ages - 2, bins, vesting, 1, growth, reval, half, fixed, replacement, minimum); };
// exactness
runJs(); const a = f.slice(destAt / 8, paramsAt / 8); const ao = f.slice(outAt / 8, outAt / 8 + ages * 6);
f.fill(0, destAt / 8, paramsAt / 8); runWasm(); const b = f.slice(destAt / 8, paramsAt / 8); const bo = f.slice(outAt / 8, outAt / 8 + ages * 6);
let diff = 0; for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) diff++; for (let i = 0; i < ao.length; i++) if (!Object.is(ao[i], bo[i])) diff++;
console.log('differences', diff, 'of', a.length + ao.length);
const time = (fn, n) => { const t = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); return Number(process.hrtime.bigint() - t) / 1e6 / n; };
for (let i = 0; i < 50; i++) { runJs(); runWasm(); }
const res = { js: [], wasm: [] };
for (let k = 0; k < 9; k++) { res.js.push(time(runJs, 40)); res.wasm.push(time(runWasm, 40)); }
const med = (x) => x.sort((p, q) => p - q)[4];
console.log('per year (all rows): js', med(res.js).toFixed(3), 'ms  wasm', med(res.wasm).toFixed(3), 'ms  ratio', (med(res.js) / med(res.wasm)).toFixed(2));
// cold: first call timing in a fresh process is separate
