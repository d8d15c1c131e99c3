/**
 * The reserve roll of methodology §6, beside the year's flows:
 * `reserve_end = reserve_start (1 + i_t) + (K − expenditure)(1 + i_t)^{1/2}`,
 * investment income the rest. A negative reserve keeps rolling (borrowing at
 * `i_t`).
 */

export interface ReserveYear {
  reserveEnd: number;
  /** `reserve_end − reserve_start − (K − expenditure)`. */
  investmentIncome: number;
}

/**
 * @param income contribution income K (contributions + matching + care-credit contributions)
 * @example rollReserve(100, 10, 4, 0.21) // {reserveEnd: 100 × 1.21 + 6 × 1.1 = 127.6, investmentIncome: 21.6}
 */
export function rollReserve(reserveStart: number, income: number, expenditure: number, investmentReturn: number): ReserveYear {
  const netCashFlow = income - expenditure;
  const reserveEnd = reserveStart * (1 + investmentReturn) + netCashFlow * Math.sqrt(1 + investmentReturn);
  return { reserveEnd, investmentIncome: reserveEnd - reserveStart - netCashFlow };
}
