/** Why a commission computation refused its input; the server maps the code to a problem response. */
export type TCommissionErrorCode =
  | 'invalid_decimal'
  | 'invalid_amount'
  | 'invalid_date'
  | 'invalid_rate'
  | 'invalid_line'
  | 'currency_mismatch'
  | 'unknown_case'
  | 'no_rate'
  | 'ambiguous_rate'
  | 'payouts_exceed_income';

/** The one error of the commission arithmetic: a code, a sentence, and the facts behind it. */
export class CommissionError extends Error {
  readonly code: TCommissionErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: TCommissionErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'CommissionError';
    this.code = code;
    this.details = details;
  }
}
