/**
 * The reserve roll of methodology §6, alone:
 * `reserve_end = reserve_start (1 + i_t) + (K − expenditure)(1 + i_t)^{1/2}`,
 * investment income = `reserve_end − reserve_start − (K − expenditure)`.
 */
import { describe, it } from 'vitest';
import { rollReserve } from '../../../src/core/year/reserve.js';
import { expectClose } from '../../support/expect.js';

describe('§6 rollReserve(reserveStart, K, expenditure, i)', () => {
  it.each([
    // The JSDoc example: 100 × 1.21 + (10 − 4) × 1.1 = 121 + 6.6 = 127.6; income 127.6 − 100 − 6 = 21.6.
    { start: 100, income: 10, expenditure: 4, rate: 0.21, end: 127.6, investment: 21.6 },
    // i = 0: the reserve moves by K − expenditure, and earns nothing.
    { start: 50, income: 30, expenditure: 80, rate: 0, end: 0, investment: 0 },
    // A deficit half-way through the year costs half a year's interest: 1000 × 1.44 − 200 × 1.2 = 1200; 1200 − 1000 + 200 = 400.
    { start: 1000, income: 0, expenditure: 200, rate: 0.44, end: 1200, investment: 400 },
    // A negative reserve keeps rolling, borrowing at i: −100 × 1.21 + 0 = −121, investment income −21.
    { start: -100, income: 5, expenditure: 5, rate: 0.21, end: -121, investment: -21 },
    // A negative return: 400 × 0.64 + 100 × 0.8 = 336; 336 − 400 − 100 = −164.
    { start: 400, income: 150, expenditure: 50, rate: -0.36, end: 336, investment: -164 },
  ])('start $start, K $income, expenditure $expenditure, i $rate → end $end, investment income $investment', ({ start, income, expenditure, rate, end, investment }) => {
    const year = rollReserve(start, income, expenditure, rate);
    expectClose(year.reserveEnd, end, 1e-14, 1e-12, 'reserve_end');
    expectClose(year.investmentIncome, investment, 1e-14, 1e-12, 'investment_income');
  });
});
