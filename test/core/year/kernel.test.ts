/**
 * The year's WebAssembly kernel (src/core/year/kernel.ts, src/wasm/) as
 * a build artefact: the bytes the core embeds are those its source compiles
 * to, the kernel reads cells and slots where state.ts lays them out, and the
 * arrays it places in its memory do not overlap. What its loops compute is
 * tested through the step functions that call them (move, payments,
 * survivors, agePensioners) by the steps' own tests and by every projection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARRIVAL_SUMS } from '../../../src/core/year/arrivals.js';
import { enterKernel, KernelResult, yearKernel } from '../../../src/core/year/kernel.js';
import { KERNEL_WASM } from '../../../src/core/year/kernelWasm.js';
import { ACTIVE, CREDITS, DISABILITY, EARNINGS, emptyState, HEADS, OLD_AGE, OWN_BALANCE, PENSION, PENSIONER_STRIDE, SURVIVOR } from '../../../src/core/state.js';
import { buildModel, parameterSlotCount, withLanes } from '../../../src/core/model.js';
import { tinyScheme } from '../../support/scheme.js';

const root = new URL('../../../', import.meta.url);

describe('the embedded kernel', () => {
  it('is what build-wasm.mjs compiles from src/wasm/ (after a change there, run npm run build:wasm)', async () => {
    const builder = (await import(new URL('build-wasm.mjs', root).href)) as { compileKernel(): Promise<Uint8Array> };
    const compiled = Buffer.from(await builder.compileKernel());
    expect(compiled.equals(Buffer.from(KERNEL_WASM, 'base64'))).toBe(true);
  }, 60_000);

  it('reads cells, pensioner slots and arrivals where state.ts and arrivals.ts put them', () => {
    const folder = new URL('src/wasm/', root);
    const source = readdirSync(folder).map((file) => readFileSync(new URL(file, folder), 'utf8')).join('\n');
    const constant = (name: string) => Number(new RegExp(`^(?:export )?const ${name}: i32 = (\\d+);$`, 'm').exec(source)?.[1]);
    expect({
      HEADS: constant('HEADS'), CREDITS: constant('CREDITS'), EARNINGS: constant('EARNINGS'), OWN_BALANCE: constant('OWN_BALANCE'),
      ACTIVE: constant('ACTIVE'), PENSIONER_STRIDE: constant('PENSIONER_STRIDE'), DISABILITY: constant('DISABILITY'), PENSION: constant('PENSION'),
      OLD_AGE: constant('OLD_AGE'), SURVIVOR: constant('SURVIVOR'),
      ARRIVAL_SUMS: constant('ARRIVAL_SUMS'), ARRIVED_INACTIVE: constant('ARRIVED_INACTIVE'),
    }).toEqual({
      HEADS, CREDITS, EARNINGS, OWN_BALANCE, ACTIVE, PENSIONER_STRIDE, DISABILITY, PENSION, OLD_AGE, SURVIVOR,
      ARRIVAL_SUMS, ARRIVED_INACTIVE: ARRIVAL_SUMS,
    });
    // The kernel's sums lie where kernel.ts KernelResult reads them (actives → RESULT_ACTIVES, …).
    const resultName = (key: string) => `RESULT_${key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`;
    expect(Object.fromEntries(Object.keys(KernelResult).map((key) => [key, constant(resultName(key))]))).toEqual(KernelResult);
    // The walk moves (N, Σc) and (Σw, Σō) as pairs of lanes: each pair must be adjacent.
    expect([CREDITS - HEADS, OWN_BALANCE - EARNINGS]).toEqual([1, 1]);
  });
});

describe('yearKernel(layout)', () => {
  it('lays the two states and the year\'s tables in its memory, apart and whole', () => {
    const model = buildModel(tinyScheme({ rates: [{ age: 58, emigration: 0.01 }] }));
    const kernel = yearKernel(model.layout, parameterSlotCount(model));
    const arrays = [
      ...kernel.states.flatMap((state) => [state.members, state.pensioners, state.memberAges.low, state.memberAges.high, state.pensionerAges.low, state.pensionerAges.high]),
      kernel.tables.q, kernel.tables.qDisabled, kernel.tables.healthCosts, kernel.tables.results, kernel.tables.density, kernel.tables.insuredEarnings, kernel.tables.contributions, kernel.tables.matching,
      kernel.tables.memberHeads, kernel.tables.memberDeaths, kernel.tables.memberDeathPensions, kernel.tables.arrivals, kernel.tables.annuityFactors,
      ...Object.values(kernel.tables.rates), kernel.tables.mortality, kernel.tables.multipliers, kernel.tables.groupsInUse,
    ];
    const spans = arrays.map((array) => [array.byteOffset, array.byteOffset + array.byteLength] as const).sort((a, b) => a[0] - b[0]);
    for (const array of arrays) expect(array.buffer).toBe(kernel.buffer);
    for (let index = 1; index < spans.length; index += 1) expect(spans[index]![0]).toBeGreaterThanOrEqual(spans[index - 1]![1]);
    expect(spans.at(-1)![1]).toBeLessThanOrEqual(kernel.buffer.byteLength);
    // memberPayments' twelve sums, pensionerPayments' four for each of P, D and S, then retire's three.
    expect(kernel.tables.results.length).toBe(KernelResult.refunds + 1);
    expect(kernel.tables.annuityFactors.length).toBe(2 * model.layout.ages);
    // Doubles are aligned (v128 loads need not be, but typed arrays must).
    for (const array of arrays) if (array instanceof Float64Array) expect(array.byteOffset % 8).toBe(0);
  });

  it('sizes the tables read by parameter slot for the model\'s groups, not its cell groups (one entrant lane of the second group)', () => {
    const model = buildModel(tinyScheme({ scheme: { groups: { g: {}, h: {} } } }));
    const lanes = withLanes(model, [1]);
    const kernel = yearKernel(lanes.layout, parameterSlotCount(lanes));
    expect(lanes.layout.groups).toBe(1);
    for (const table of [kernel.tables.q, kernel.tables.qDisabled, kernel.tables.density, ...Object.values(kernel.tables.rates)]) {
      expect(table.length).toBe(2 * 2 * model.layout.ages);
    }
  });

  it('refuses a step on one of its states and one made elsewhere, which the copies would overwrite', () => {
    const model = buildModel(tinyScheme());
    const kernel = yearKernel(model.layout, parameterSlotCount(model));
    const elsewhere = emptyState(model.layout);
    expect(() => enterKernel(kernel, kernel.states[1], elsewhere)).toThrow(/two states of one run, or two made elsewhere/);
    expect(() => enterKernel(kernel, elsewhere, kernel.states[0])).toThrow(/two states of one run, or two made elsewhere/);
    expect(enterKernel(kernel, kernel.states[1], kernel.states[0])).toBe(true);
    expect(enterKernel(kernel, elsewhere, emptyState(model.layout))).toBe(false);
  });
});
