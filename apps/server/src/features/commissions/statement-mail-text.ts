// The e-mail that carries a statement, in the recipient's language.
import type { TLocale } from '@kontor/contracts';
import type { TStatementDocument } from './statement-document';

const TEXT: Record<
  TLocale,
  { subject: (n: string, firm: string) => string; body: (d: TStatementDocument) => string }
> = {
  de: {
    subject: (n, firm) => `Provisionsabrechnung ${n} von ${firm}`,
    body: (d) =>
      `Guten Tag ${d.recipient.name},\n\nanbei erhalten Sie Ihre Provisionsabrechnung ${d.number} für den Zeitraum ${d.periodStart} bis ${d.periodEnd} als PDF und als Tabelle.\n\nMit freundlichen Grüßen\n${d.firm.name}\n`,
  },
  en: {
    subject: (n, firm) => `Commission statement ${n} from ${firm}`,
    body: (d) =>
      `Hello ${d.recipient.name},\n\nplease find attached your commission statement ${d.number} for ${d.periodStart} to ${d.periodEnd}, as PDF and as a spreadsheet.\n\nKind regards\n${d.firm.name}\n`,
  },
  pl: {
    subject: (n, firm) => `Rozliczenie prowizji ${n} od ${firm}`,
    body: (d) =>
      `Dzień dobry ${d.recipient.name},\n\nw załączniku przesyłamy rozliczenie prowizji ${d.number} za okres od ${d.periodStart} do ${d.periodEnd} w formacie PDF i jako arkusz.\n\nZ poważaniem\n${d.firm.name}\n`,
  },
  ru: {
    subject: (n, firm) => `Ведомость комиссионных ${n} от ${firm}`,
    body: (d) =>
      `Здравствуйте, ${d.recipient.name}!\n\nВо вложении ваша ведомость комиссионных ${d.number} за период с ${d.periodStart} по ${d.periodEnd} в формате PDF и в виде таблицы.\n\nС уважением,\n${d.firm.name}\n`,
  },
};

/** Subject and text of the mail that sends a statement. */
export function statementMailText(doc: TStatementDocument): { subject: string; text: string } {
  const t = TEXT[doc.locale];
  return { subject: t.subject(doc.number, doc.firm.name), text: t.body(doc) };
}
