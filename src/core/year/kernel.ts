/**
 * Step 4's walk as WebAssembly (src/wasm/move.ts) and the memory it works in.
 * A kernel owns one WebAssembly memory, sized once for a layout: the two
 * cohort states of a run and the year's tables that step 4 reads live in it
 * as typed-array views, so that the walk reads and writes them in place.
 * The memory never grows (growing would detach the views).
 *
 * Why WebAssembly: V8 compiles it before the first call, where JavaScript
 * runs interpreted until the JIT has compiled the walk; a projection is
 * short enough that this warm-up was a third of step 4 (bench/RESULTS.md).
 */
import { type CellLayout, slotCount } from '../layout.js';
import type { RatesTable } from '../tables.js';
import { type ArrayMaker, type CohortState, emptyState, stateSize } from '../state.js';
import { MOVE_WASM } from './moveWasm.js';
import { ARRIVAL_SUMS } from './arrivals.js';
import { record } from '../record.js';

/** The exports of src/wasm/move.ts. */
interface MoveExports {
  configure(...pointersLayoutAndDensity: number[]): void;
  moveAges(...statesRowAndYear: number[]): number;
}

/** The year's tables step 4 reads and writes, in the kernel's memory. */
export interface KernelTables {
  q: Float64Array;
  density: Float64Array;
  insuredEarnings: Float64Array;
  contributions: Float64Array;
  matching: Float64Array;
  memberHeads: Float64Array;
  memberDeaths: Float64Array;
  memberDeathPensions: Float64Array;
  arrivals: Float64Array;
  rates: Pick<RatesTable, 'disability' | 'emigration' | 'fertility' | 'lapse' | 'reentry'>;
}

export interface MoveKernel {
  layout: CellLayout;
  buffer: ArrayBuffer;
  walk: MoveExports;
  /** A run's two states: the workspace's, or scratch for states made elsewhere (move.ts). */
  states: [CohortState, CohortState];
  tables: KernelTables;
  /** The model whose rates the kernel holds (startKernel). */
  configuredFor: object | undefined;
}

let compiled: WebAssembly.Module | undefined;

/** The compiled module, once per process (a few kB: synchronous compilation is quick). */
function walkModule(): WebAssembly.Module {
  if (compiled === undefined) {
    const text = atob(MOVE_WASM);
    const bytes = new Uint8Array(text.length);
    for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

const PAGE = 65536;

/** A kernel for runs on `layout`: its memory holds two states and the year's tables. */
export function moveKernel(layout: CellLayout): MoveKernel {
  const slots = slotCount(layout);
  const state = stateSize(layout);
  const doubles = 2 * state.float64 + 10 * slots + 2 * layout.ages + 3 * layout.memberAges + layout.bins * 2 * ARRIVAL_SUMS;
  const bytes = 8 * doubles + 4 * 2 * state.int32 + 8 * 16;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) });
  const instance = new WebAssembly.Instance(walkModule(), { env: { memory } });
  let offset = 0;
  const arrays: ArrayMaker = {
    float64: (length) => {
      offset = Math.ceil(offset / 8) * 8;
      const array = new Float64Array(memory.buffer, offset, length);
      offset += 8 * length;
      return array;
    },
    int32: (length) => {
      const array = new Int32Array(memory.buffer, offset, length);
      offset += 4 * length;
      return array;
    },
  };
  const states: [CohortState, CohortState] = [emptyState(layout, arrays), emptyState(layout, arrays)];
  const tables: KernelTables = record({
    q: arrays.float64(slots),
    density: arrays.float64(slots),
    insuredEarnings: arrays.float64(slots),
    contributions: arrays.float64(slots),
    matching: arrays.float64(slots),
    memberHeads: arrays.float64(3 * layout.memberAges),
    memberDeaths: arrays.float64(layout.ages),
    memberDeathPensions: arrays.float64(layout.ages),
    arrivals: arrays.float64(layout.bins * 2 * ARRIVAL_SUMS),
    rates: record({
      disability: arrays.float64(slots), emigration: arrays.float64(slots), fertility: arrays.float64(slots),
      lapse: arrays.float64(slots), reentry: arrays.float64(slots),
    }),
  });
  return record<MoveKernel>({ layout, buffer: memory.buffer, walk: instance.exports as unknown as MoveExports, states, tables, configuredFor: undefined });
}

/** Sets a model into the kernel: its rates, and where everything lies. */
export function startKernel(kernel: MoveKernel, model: { rates: RatesTable; foreignDensity: number; emigrates: boolean }): void {
  const { tables, layout } = kernel;
  const { rates, foreignDensity, emigrates } = model;
  kernel.configuredFor = model;
  for (const name of ['disability', 'emigration', 'fertility', 'lapse', 'reentry'] as const) tables.rates[name].set(rates[name]);
  kernel.walk.configure(
    tables.q.byteOffset, tables.rates.disability.byteOffset, tables.rates.emigration.byteOffset, tables.rates.fertility.byteOffset,
    tables.rates.lapse.byteOffset, tables.rates.reentry.byteOffset,
    tables.density.byteOffset, tables.insuredEarnings.byteOffset, tables.contributions.byteOffset, tables.matching.byteOffset,
    tables.memberHeads.byteOffset, tables.memberDeaths.byteOffset, tables.memberDeathPensions.byteOffset, tables.arrivals.byteOffset,
    layout.ages, layout.memberAges, layout.bins, layout.memberPart, layout.memberStride, layout.balanceSum, layout.foreignSum,
    emigrates ? 1 : 0, foreignDensity,
  );
}

/** Whether a state lies in the kernel's memory. */
export const inKernel = (kernel: MoveKernel, state: CohortState): boolean => state.members.buffer === kernel.buffer;

/** Copies a state's numbers into another of the same layout. */
export function copyState(from: CohortState, to: CohortState): void {
  to.members.set(from.members);
  to.pensioners.set(from.pensioners);
  to.memberAges.low.set(from.memberAges.low);
  to.memberAges.high.set(from.memberAges.high);
  to.pensionerAges.low.set(from.pensionerAges.low);
  to.pensionerAges.high.set(from.pensionerAges.high);
}
