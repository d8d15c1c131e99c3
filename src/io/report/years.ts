/**
 * Which years a table shows: by default the first, every 5th for 30 years,
 * every 10th after, and the last; or the years a user names.
 */

/**
 * The default selection from a projection's years, in order.
 * @example defaultYears([2025, …, 2099]) // [2025, 2030, …, 2055, 2065, …, 2095, 2099]
 */
export function defaultYears(years: readonly number[]): number[] {
  return years.filter((_, index) => index === 0 || index === years.length - 1 || (index <= 30 ? index % 5 === 0 : index % 10 === 0));
}

/** `wanted` when given (already checked against the projection), else the default selection. */
export const chosenYears = (years: readonly number[], wanted: readonly number[] | undefined) =>
  wanted === undefined ? defaultYears(years) : years.filter((year) => wanted.includes(year));
