// Commission arithmetic (issue 4, F1–F8): pure functions, no I/O, no clock; everything is a parameter.
//
// Money: integer minor units in safe-integer `number`s plus the currency on the case, line or rate;
// every product or quotient is computed in bigint and rounded half-up (halves away from zero, so a
// clawback mirrors its payout) exactly once per line; totals are sums of lines. Rates are decimal
// strings ('1.00', '12.5') parsed exactly. Dates are 'YYYY-MM-DD' strings.
//
// The model, in the order money flows:
// - rates.ts       income rates (lender / kind / product, percent or fixed, step tiers), advisor and
//                  lead override rates by rate group, partner agreements; each with validity
//                  [validFrom, validTo) and payout terms (when_earned | when_paid, liability months,
//                  full | pro_rata clawback, reserve %). Most specific wins; a tie is an error.
// - proposal.ts    a won case → income line, payout lines and what the firm keeps (the order of
//                  computation is written at its top); `splitLine` shares a line among recipients.
// - settlement.ts  a line's cumulative position on a date: payout (in proportion to the income the
//                  lender has paid, for when_paid), reserve held and released, clawback after a
//                  cancellation within the liability period; a recipient's balance.
// - statement.ts   one recipient's statement: the growth of each cumulative figure since earlier
//                  statements, with VAT per entry (exempt with a note, or a rate added).
// Statements therefore never lose or repeat a cent: each is "due now − settled before".
export * from './dates';
export * from './datev';
export * from './errors';
export * from './export-csv';
export * from './money';
export * from './proposal';
export * from './rates';
export * from './settlement';
export * from './statement';
