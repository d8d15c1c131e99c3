/**
 * The random numbers of `sipro simulate` (methodology §10, "Draws"): one
 * stream of standard normal numbers per scenario, keyed by the scheme's
 * seed and the scenario's number, so that scenario `s` draws the same
 * numbers whatever the number of scenarios, the worker that runs it, the
 * shard or the machine.
 *
 * - Uniforms: xoroshiro128+ (Blackman and Vigna, "Scrambled linear
 *   pseudorandom number generators", ACM TOMS 47(4), 2021; period 2^128 − 1)
 *   as pure-rand implements it, 53-bit doubles in [0, 1) by pure-rand's
 *   `uniformFloat64` (two 32-bit outputs).
 * - State: the generator's 128-bit state is the first two outputs of a
 *   SplitMix64 (Steele, Lea and Flood, OOPSLA 2014) seeded with
 *   `SplitMix64₁(seed) XOR scenario`, as Vigna advises for seeding
 *   xoroshiro. SplitMix64's output function is a bijection of 64-bit words,
 *   so distinct seeds give distinct keys.
 * - Normals: the Box–Muller transform (Box and Muller, Ann. Math. Statist.
 *   29, 1958): `r = √(−2 ln u₁)`, `z₁ = r cos 2πu₂`, `z₂ = r sin 2πu₂`, with
 *   `u₁ = 1 − uniform ∈ (0, 1]` so that `ln u₁` is finite. Exact in
 *   distribution (no approximation of Φ⁻¹), two normals per two uniforms;
 *   the normals of a pair are used one after the other.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const MASK_64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
const TWO_PI = 2 * Math.PI;

/** SplitMix64's output function (a bijection of 64-bit words) applied to `state + γ`. */
function splitMix64(state: bigint): bigint {
  let z = (state + GOLDEN_GAMMA) & MASK_64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return z ^ (z >> 31n);
}

/** A 64-bit word as pure-rand's two signed 32-bit halves, high first. */
const halves = (word: bigint): [number, number] => [Number(BigInt.asIntN(32, word >> 32n)), Number(BigInt.asIntN(32, word))];

/**
 * The 128-bit xoroshiro128+ state of a scenario, as pure-rand's state array
 * `[s0 high, s0 low, s1 high, s1 low]`.
 * @example scenarioState(1, 1) // the same four numbers on every machine
 */
export function scenarioState(seed: number, scenario: number): number[] {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed must be a whole number >= 0, got ${seed}`);
  if (!Number.isSafeInteger(scenario) || scenario < 0) throw new Error(`scenario must be a whole number >= 0, got ${scenario}`);
  const key = splitMix64(BigInt(seed)) ^ BigInt(scenario);
  const first = splitMix64(key);
  const second = splitMix64((key + GOLDEN_GAMMA) & MASK_64);
  // The all-zero state is xoroshiro's only forbidden one (a 2^-128 chance).
  return first === 0n && second === 0n ? [0, 0, 0, 1] : [...halves(first), ...halves(second)];
}

/** Standard normal numbers of one scenario, in order. */
export interface NormalStream {
  next(): number;
}

/**
 * The normal stream of scenario `scenario` under `seed`.
 * @example const stream = normalStream(1, 17); stream.next() // scenario 17's first innovation, in any run
 */
export function normalStream(seed: number, scenario: number): NormalStream {
  const generator: RandomGenerator = xoroshiro128plusFromState(scenarioState(seed, scenario));
  let spare = Number.NaN;
  return {
    next() {
      if (spare === spare) {
        const value = spare;
        spare = Number.NaN;
        return value;
      }
      const radius = Math.sqrt(-2 * Math.log(1 - uniformFloat64(generator)));
      const angle = TWO_PI * uniformFloat64(generator);
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}
