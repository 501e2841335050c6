// Every text a statement's PDF and spreadsheet print, in each locale, and the Intl formatting of
// money, dates and numbers. A missing key in any language fails `tsc` (Record<TLocale, TLabels>).
import type { TLocale } from '@kontor/contracts';
import type { TDocumentEntryKind, TDocumentLineKind, TStatementDocument } from './statement-document';

export const PRODUCT_KINDS = [
  'mortgage',
  'follow_up_financing',
  'consumer_loan',
  'insurance',
  'investment',
  'leasing',
  'other',
] as const;
export type TProductKind = (typeof PRODUCT_KINDS)[number];

export type TColumnKey =
  | 'caseNumber'
  | 'client'
  | 'product'
  | 'lender'
  | 'line'
  | 'entryKind'
  | 'net'
  | 'vat'
  | 'gross';

export type TLabels = {
  title: string;
  selfBillingTitle: string;
  selfBillingNote: string;
  number: string;
  issuedOn: string;
  period: string;
  vatId: string;
  taxNumber: string;
  email: string;
  recipient: string;
  columns: Record<TColumnKey, string>;
  productKinds: Record<TProductKind, string>;
  entryKinds: Record<TDocumentEntryKind, string>;
  lineKinds: Record<TDocumentLineKind, string>;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  total: string;
  vatRate: (rate: string) => string;
  heldBack: string;
  noEntries: string;
  page: (page: number, pages: number) => string;
};

const DE: TLabels = {
  title: 'Provisionsabrechnung',
  selfBillingTitle: 'Gutschrift',
  selfBillingNote: 'Gutschrift im Sinne des § 14 Abs. 2 Satz 2 UStG',
  number: 'Nummer',
  issuedOn: 'Datum',
  period: 'Zeitraum',
  vatId: 'USt-IdNr.',
  taxNumber: 'Steuernummer',
  email: 'E-Mail',
  recipient: 'Empfänger',
  columns: {
    caseNumber: 'Vorgang',
    client: 'Kunde',
    product: 'Produkt',
    lender: 'Bank',
    line: 'Position',
    entryKind: 'Buchung',
    net: 'Netto',
    vat: 'USt.',
    gross: 'Brutto',
  },
  productKinds: {
    mortgage: 'Baufinanzierung',
    follow_up_financing: 'Anschlussfinanzierung',
    consumer_loan: 'Ratenkredit',
    insurance: 'Versicherung',
    investment: 'Geldanlage',
    leasing: 'Leasing',
    other: 'Sonstiges',
  },
  entryKinds: { payout: 'Auszahlung', reserve_release: 'Freigabe Reserve', clawback: 'Stornierung' },
  lineKinds: {
    partner: 'Partnerprovision',
    extra: 'Zusatzprovision',
    advisor: 'Beraterprovision',
    lead_override: 'Führungsprovision',
  },
  totalNet: 'Summe netto',
  totalVat: 'Umsatzsteuer',
  totalGross: 'Gesamtbetrag',
  total: 'Summe',
  vatRate: (rate) => `USt. ${rate} %`,
  heldBack: 'Noch einbehaltene Reserve',
  noEntries: 'Keine Buchungen in diesem Zeitraum.',
  page: (page, pages) => `Seite ${page} von ${pages}`,
};

const EN: TLabels = {
  title: 'Commission statement',
  selfBillingTitle: 'Self-billing credit note',
  selfBillingNote: 'Self-billing credit note within the meaning of § 14 (2) sentence 2 German VAT Act (UStG)',
  number: 'Number',
  issuedOn: 'Date',
  period: 'Period',
  vatId: 'VAT ID',
  taxNumber: 'Tax number',
  email: 'Email',
  recipient: 'Recipient',
  columns: {
    caseNumber: 'Case',
    client: 'Client',
    product: 'Product',
    lender: 'Lender',
    line: 'Line',
    entryKind: 'Entry',
    net: 'Net',
    vat: 'VAT',
    gross: 'Gross',
  },
  productKinds: {
    mortgage: 'Mortgage',
    follow_up_financing: 'Follow-up financing',
    consumer_loan: 'Consumer loan',
    insurance: 'Insurance',
    investment: 'Investment',
    leasing: 'Leasing',
    other: 'Other',
  },
  entryKinds: { payout: 'Payout', reserve_release: 'Reserve release', clawback: 'Cancellation' },
  lineKinds: {
    partner: 'Partner commission',
    extra: 'Extra commission',
    advisor: 'Advisor commission',
    lead_override: 'Override commission',
  },
  totalNet: 'Total net',
  totalVat: 'VAT',
  totalGross: 'Total gross',
  total: 'Total',
  vatRate: (rate) => `VAT ${rate}%`,
  heldBack: 'Reserve still held back',
  noEntries: 'No entries in this period.',
  page: (page, pages) => `Page ${page} of ${pages}`,
};

const PL: TLabels = {
  title: 'Rozliczenie prowizji',
  selfBillingTitle: 'Faktura – samofakturowanie',
  selfBillingNote:
    'Samofakturowanie (Gutschrift) w rozumieniu § 14 ust. 2 zd. 2 niemieckiej ustawy o VAT (UStG)',
  number: 'Numer',
  issuedOn: 'Data wystawienia',
  period: 'Okres',
  vatId: 'NIP UE',
  taxNumber: 'Numer podatkowy',
  email: 'E-mail',
  recipient: 'Odbiorca',
  columns: {
    caseNumber: 'Sprawa',
    client: 'Klient',
    product: 'Produkt',
    lender: 'Kredytodawca',
    line: 'Pozycja',
    entryKind: 'Rodzaj',
    net: 'Netto',
    vat: 'VAT',
    gross: 'Brutto',
  },
  productKinds: {
    mortgage: 'Kredyt hipoteczny',
    follow_up_financing: 'Refinansowanie',
    consumer_loan: 'Kredyt konsumencki',
    insurance: 'Ubezpieczenie',
    investment: 'Inwestycja',
    leasing: 'Leasing',
    other: 'Inne',
  },
  entryKinds: { payout: 'Wypłata', reserve_release: 'Zwolnienie rezerwy', clawback: 'Storno' },
  lineKinds: {
    partner: 'Prowizja partnera',
    extra: 'Prowizja dodatkowa',
    advisor: 'Prowizja doradcy',
    lead_override: 'Prowizja kierownicza',
  },
  totalNet: 'Razem netto',
  totalVat: 'VAT',
  totalGross: 'Razem brutto',
  total: 'Razem',
  vatRate: (rate) => `VAT ${rate}%`,
  heldBack: 'Rezerwa nadal zatrzymana',
  noEntries: 'Brak pozycji w tym okresie.',
  page: (page, pages) => `Strona ${page} z ${pages}`,
};

const RU: TLabels = {
  title: 'Расчёт комиссионного вознаграждения',
  selfBillingTitle: 'Кредит-нота (самофактурирование)',
  selfBillingNote:
    'Самофактурирование (Gutschrift) в смысле § 14 абз. 2 предл. 2 Закона Германии об НДС (UStG)',
  number: 'Номер',
  issuedOn: 'Дата',
  period: 'Период',
  vatId: 'Номер плательщика НДС',
  taxNumber: 'Налоговый номер',
  email: 'Эл. почта',
  recipient: 'Получатель',
  columns: {
    caseNumber: 'Дело',
    client: 'Клиент',
    product: 'Продукт',
    lender: 'Кредитор',
    line: 'Позиция',
    entryKind: 'Операция',
    net: 'Нетто',
    vat: 'НДС',
    gross: 'Брутто',
  },
  productKinds: {
    mortgage: 'Ипотека',
    follow_up_financing: 'Рефинансирование',
    consumer_loan: 'Потребительский кредит',
    insurance: 'Страхование',
    investment: 'Инвестиции',
    leasing: 'Лизинг',
    other: 'Прочее',
  },
  entryKinds: { payout: 'Выплата', reserve_release: 'Высвобождение резерва', clawback: 'Сторно' },
  lineKinds: {
    partner: 'Партнёрская комиссия',
    extra: 'Дополнительная комиссия',
    advisor: 'Комиссия консультанта',
    lead_override: 'Комиссия руководителя',
  },
  totalNet: 'Итого нетто',
  totalVat: 'НДС',
  totalGross: 'Итого брутто',
  total: 'Итого',
  vatRate: (rate) => `НДС ${rate}%`,
  heldBack: 'Резерв, всё ещё удерживаемый',
  noEntries: 'За этот период операций нет.',
  page: (page, pages) => `Страница ${page} из ${pages}`,
};

export const LABELS: Record<TLocale, TLabels> = { de: DE, en: EN, pl: PL, ru: RU };

const INTL_LOCALES: Record<TLocale, string> = { de: 'de-DE', en: 'en-GB', pl: 'pl-PL', ru: 'ru-RU' };

/** What both documents print around the table, in the document's locale. */
export type TDocumentTexts = {
  title: string;
  firmDetails: string[];
  recipientDetails: string[];
  meta: [label: string, value: string][];
  vatLabel: string;
  /** The VAT exemption note and the self-billing sentence, where they apply. */
  notes: string[];
};

export function documentTexts(doc: TStatementDocument, f: TFormatter): TDocumentTexts {
  const { labels } = f;
  const { firm, recipient, vat } = doc;
  const tagged = (label: string, value: string | null) => (value ? [`${label} ${value}`] : []);
  return {
    title: `${doc.selfBilling ? labels.selfBillingTitle : labels.title} ${doc.number}`,
    firmDetails: [
      ...firm.addressLines,
      ...tagged(labels.vatId, firm.vatId),
      ...tagged(labels.email, firm.email),
    ],
    recipientDetails: [
      ...recipient.addressLines,
      ...tagged(labels.vatId, recipient.vatId),
      ...tagged(labels.taxNumber, recipient.taxNumber),
      ...tagged(labels.email, recipient.email),
    ],
    meta: [
      [labels.number, doc.number],
      [labels.issuedOn, f.date(doc.issuedOn)],
      [labels.period, `${f.date(doc.periodStart)} – ${f.date(doc.periodEnd)}`],
    ],
    vatLabel: vat.mode === 'added' ? labels.vatRate(f.percent(vat.ratePercent)) : labels.totalVat,
    notes: [
      ...(vat.mode === 'exempt' ? [vat.note] : []),
      ...(doc.selfBilling ? [labels.selfBillingNote] : []),
    ],
  };
}

/** A product kind in words; an unknown kind prints as stored rather than failing the document. */
export function productKindLabel(labels: TLabels, kind: string): string {
  return (PRODUCT_KINDS as readonly string[]).includes(kind)
    ? labels.productKinds[kind as TProductKind]
    : kind;
}

/** Formats money, dates and numbers of one document; built once per render (Intl objects are costly). */
export type TFormatter = {
  labels: TLabels;
  /** The currency's minor digits (EUR 2, JPY 0, KWD 3). */
  minorDigits: number;
  money: (minor: number) => string;
  /** An exact decimal string of major units, e.g. -1234.56. */
  decimal: (minor: number) => string;
  date: (isoDate: string) => string;
  percent: (rate: string) => string;
};

export function createFormatter(locale: TLocale, currency: string): TFormatter {
  // Building Intl formatters costs about a millisecond: a statement run renders hundreds.
  const key = `${locale}|${currency}`;
  const cached = FORMATTERS.get(key);
  if (cached) return cached;
  const made = makeFormatter(locale, currency);
  FORMATTERS.set(key, made);
  return made;
}

const FORMATTERS = new Map<string, TFormatter>();

function makeFormatter(locale: TLocale, currency: string): TFormatter {
  const intlLocale = INTL_LOCALES[locale];
  const moneyFormat = new Intl.NumberFormat(intlLocale, { style: 'currency', currency });
  const minorDigits = moneyFormat.resolvedOptions().maximumFractionDigits ?? 2;
  const dateFormat = new Intl.DateTimeFormat(intlLocale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
  const numberFormat = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 20 });
  const decimal = (minor: number) => minorToDecimal(minor, minorDigits);
  return {
    labels: LABELS[locale],
    minorDigits,
    // Intl formats a decimal string exactly (no float in between).
    money: (minor) => moneyFormat.format(decimal(minor) as Intl.StringNumericLiteral),
    decimal,
    date: (isoDate) => dateFormat.format(utcDate(isoDate)),
    percent: (rate) => numberFormat.format(rate as Intl.StringNumericLiteral),
  };
}

/** Integer minor units to an exact decimal string of major units, by integer arithmetic only. */
export function minorToDecimal(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`money must be an integer of minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const magnitude = BigInt(Math.abs(minor));
  if (digits === 0) return `${sign}${magnitude}`;
  const scale = 10n ** BigInt(digits);
  const fraction = (magnitude % scale).toString().padStart(digits, '0');
  return `${sign}${magnitude / scale}.${fraction}`;
}

/** A YYYY-MM-DD date as a Date at midnight UTC (formatting, PDF metadata, spreadsheet properties). */
export function utcDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
