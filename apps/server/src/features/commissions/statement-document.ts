// What a statement's PDF and spreadsheet show: a final statement as stored, with the firm's
// letterhead and the recipient as they were when it became final (snapshots, so a later change of
// address never alters an issued document). Renderers take only this; they never query.
import type { TLocale } from '@kontor/contracts';

/** A recipient's VAT treatment on the statement. */
export type TDocumentVat = { mode: 'exempt'; note: string } | { mode: 'added'; ratePercent: string };

/** What a statement entry does: pay, release a held-back reserve, or claw back (negative). */
export type TDocumentEntryKind = 'payout' | 'reserve_release' | 'clawback';

/** Why the recipient is paid on the case. */
export type TDocumentLineKind = 'partner' | 'extra' | 'advisor' | 'lead_override';

export type TDocumentEntry = {
  caseNumber: string;
  /** The client's name; null where the recipient may not see client personal data (partners). */
  clientName: string | null;
  /** mortgage, follow_up_financing, consumer_loan, insurance, investment, leasing, other */
  productKind: string;
  lender: string | null;
  /** The case amount in minor units (null when the partner may not see it). */
  caseAmountMinor: number | null;
  wonOn: string;
  kind: TDocumentEntryKind;
  lineKind: TDocumentLineKind;
  /** A line entered by hand carries its label (e.g. "helping colleague"). */
  label: string | null;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
};

export type TStatementDocument = {
  locale: TLocale;
  /** Gapless per tenant and year, e.g. 2026-00042. */
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  periodStart: string;
  periodEnd: string;
  /** ISO 4217, e.g. EUR; every amount below is in its minor units. */
  currency: string;
  /** A self-billing credit note ("Gutschrift") rather than a statement. */
  selfBilling: boolean;
  firm: { name: string; addressLines: string[]; vatId: string | null; email: string | null };
  recipient: {
    name: string;
    addressLines: string[];
    email: string | null;
    vatId: string | null;
    taxNumber: string | null;
  };
  vat: TDocumentVat;
  entries: TDocumentEntry[];
  totals: { netMinor: number; vatMinor: number; grossMinor: number };
  /** Reserves still held back for the recipient after this statement. */
  heldBackMinor: number;
};
