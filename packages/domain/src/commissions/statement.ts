// One recipient's statement for a period (F6): for every line, the growth of each cumulative figure
// (see settlement.ts) since what earlier statements settled. Computing again with this statement's
// entries among the settled ones yields nothing new, so a rerun of a period creates nothing twice.
// VAT is computed per entry (half-up, once) and the totals are sums of the entries, so every total
// on the document can be checked line by line; exempt recipients get 0 VAT and the note to print.
import { assertIsoDate } from './dates';
import { CommissionError } from './errors';
import { percentOf, sumMinor } from './money';
import {
  ENTRY_KINDS,
  ledgerFor,
  linePositionAsOf,
  settledByLine,
  settledKey,
  type TCaseLedger,
  type TEntryKind,
  type TSettledEntry,
  type TSettlementLine,
} from './settlement';

/** A recipient's VAT treatment: exempt with the note to print (e.g. '§ 4 Nr. 8 UStG'), or a rate added. */
export type TVatTreatment = { mode: 'exempt'; note: string } | { mode: 'added'; ratePercent: string };

export type TStatementEntry = {
  lineId: string;
  caseId: string;
  kind: TEntryKind;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
};

export type TStatementTotals = { netMinor: number; vatMinor: number; grossMinor: number };

export type TStatementInput = {
  recipientId: string;
  currency: string;
  /** The statement's date: payments, cancellations and liability ends up to and including it count. */
  periodEnd: string;
  vat: TVatTreatment;
  /** The recipient's lines (any that have nothing new simply produce no entry). */
  lines: readonly TSettlementLine[];
  ledgers: readonly TCaseLedger[];
  /** Entries of the recipient's earlier final statements. */
  settled: readonly TSettledEntry[];
};

export type TStatementDraft = {
  recipientId: string;
  currency: string;
  periodEnd: string;
  vat: TVatTreatment;
  entries: TStatementEntry[];
  totals: TStatementTotals;
};

/** The VAT on one entry's net amount: 0 when exempt, else the rate's percentage rounded half-up once. */
export function vatOf(netMinor: number, vat: TVatTreatment): number {
  return vat.mode === 'exempt' ? 0 : percentOf(netMinor, vat.ratePercent);
}

function assertLine(line: TSettlementLine, input: TStatementInput): void {
  if (line.recipientId !== input.recipientId) {
    throw new CommissionError('invalid_line', `line ${line.id} belongs to another recipient`, {
      lineId: line.id,
    });
  }
  if (line.currency !== input.currency) {
    throw new CommissionError('currency_mismatch', `line ${line.id} is in ${line.currency}`, {
      lineId: line.id,
    });
  }
}

/** Computes the new entries and totals of one recipient's statement dated `periodEnd`. */
export function computeStatement(input: TStatementInput): TStatementDraft {
  assertIsoDate(input.periodEnd, 'periodEnd');
  const settled = settledByLine(input.settled);
  const entries: TStatementEntry[] = [];
  for (const line of input.lines) {
    assertLine(line, input);
    const position = linePositionAsOf(line, ledgerFor(input.ledgers, line.caseId), input.periodEnd);
    for (const kind of ENTRY_KINDS) {
      const netMinor = sumMinor([position.due[kind], -(settled.get(settledKey(line.id, kind)) ?? 0)]);
      if (netMinor === 0) continue;
      const vatMinor = vatOf(netMinor, input.vat);
      entries.push({
        lineId: line.id,
        caseId: line.caseId,
        kind,
        netMinor,
        vatMinor,
        grossMinor: sumMinor([netMinor, vatMinor]),
      });
    }
  }
  const totals = {
    netMinor: sumMinor(entries.map((e) => e.netMinor)),
    vatMinor: sumMinor(entries.map((e) => e.vatMinor)),
    grossMinor: sumMinor(entries.map((e) => e.grossMinor)),
  };
  const { recipientId, currency, periodEnd, vat } = input;
  return { recipientId, currency, periodEnd, vat, entries, totals };
}
