/** sipro as a library: the pure core and the scheme schemas. */
export type { Scheme, SchemeInput } from './schema/scheme.js';
export type { PopulationRow, IncomeRow, MortalityRow, RatesRow } from './schema/tables.js';
export type * from './core/types.js';
