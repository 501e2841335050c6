// The firm's calendar day. A case is won, a statement issued and a balance struck on a day of the
// firm's time zone, not of UTC: at 00:30 in Berlin it is still yesterday in UTC, and a case won then
// must not be missing from "today's" balance. There is no time-zone setting per firm yet.
export const FIRM_TIME_ZONE = 'Europe/Berlin';

/** YYYY-MM-DD of `at` in the firm's time zone. */
export function firmDay(at: Date = new Date()): string {
  return at.toLocaleDateString('sv-SE', { timeZone: FIRM_TIME_ZONE });
}
