import type { TLocale } from '@kontor/contracts';
import type { TControlMode, TProductKind, TStageKind } from '@kontor/domain';

// The pipelines a new tenant starts with, in all four languages; the tenant gets the names of its
// own language (tenants are German first) and renames them at will, the keys stay.
//
// Field keys in `requiredFields` name what the cases feature maps to a case's columns or custom
// fields:
//   amount          the financing amount (money)
//   purpose         what the money is for (purchase, construction, refinancing, ...)
//   term            the term or fixed-rate period, in months
//   lender          the bank; for insurance the insurer
//   product         the lender's or insurer's product (loan product, tariff)
//   propertyValue   the value of the property being financed (purchase price or valuation)
//   contractStatus  the sub-status of the contract signing stage (not started / in progress / done)

type TText = Record<TLocale, string>;

export type TSeedStage = {
  key: string;
  name: TText;
  kind: TStageKind;
  requiredFields: string[];
  fields?: {
    key: string;
    label: TText;
    options: { key: string; label: TText }[];
    finalToLeave: boolean;
  }[];
};

export type TSeedPipeline = {
  key: string;
  name: TText;
  productKind: TProductKind;
  controlMode: TControlMode;
  stages: TSeedStage[];
  lossReasons: { key: string; name: TText }[];
};

const t = (de: string, en: string, pl: string, ru: string): TText => ({ de, en, pl, ru });

const open = (key: string, name: TText, requiredFields: string[] = []): TSeedStage => ({
  key,
  name,
  kind: 'open',
  requiredFields,
});

const FIRST_CONTACT = t('Erstkontakt', 'First contact', 'Pierwszy kontakt', 'Первый контакт');
const NEEDS_ANALYSIS = t('Bedarfsanalyse', 'Needs analysis', 'Analiza potrzeb', 'Анализ потребностей');
const OFFER = t('Angebot', 'Offer', 'Oferta', 'Предложение');
const APPLICATION = t('Antrag', 'Application', 'Wniosek', 'Заявка');
const LOST: TSeedStage = {
  key: 'lost',
  name: t('Verloren', 'Lost', 'Utracona', 'Потеряна'),
  kind: 'lost',
  requiredFields: [],
};

// Contract signing carries its own sub-status; the case moves on only once signing is done.
const CONTRACT_SIGNING: TSeedStage = {
  key: 'contract_signing',
  name: t('Vertragsunterzeichnung', 'Contract signing', 'Podpisanie umowy', 'Подписание договора'),
  kind: 'open',
  requiredFields: [],
  fields: [
    {
      key: 'contractStatus',
      label: t('Vertragsstatus', 'Contract status', 'Status umowy', 'Статус договора'),
      options: [
        { key: 'not_started', label: t('Nicht begonnen', 'Not started', 'Nierozpoczęte', 'Не начато') },
        { key: 'in_progress', label: t('In Bearbeitung', 'In progress', 'W toku', 'В процессе') },
        { key: 'done', label: t('Erledigt', 'Done', 'Zakończone', 'Завершено') },
      ],
      finalToLeave: true,
    },
  ],
};

const PAYOUT: TSeedStage = {
  key: 'payout',
  name: t('Auszahlung', 'Payout', 'Wypłata', 'Выплата'),
  kind: 'won',
  requiredFields: [],
};

const CLIENT_WITHDREW = {
  key: 'client_withdrew',
  name: t('Kunde hat abgesagt', 'Client withdrew', 'Klient zrezygnował', 'Клиент отказался'),
};
const COMPETITOR = {
  key: 'competitor',
  name: t('Zum Wettbewerber gewechselt', 'Went to a competitor', 'Wybrał konkurencję', 'Ушёл к конкуренту'),
};
const NOT_REACHABLE = {
  key: 'not_reachable',
  name: t('Kunde nicht erreichbar', 'Client not reachable', 'Brak kontaktu z klientem', 'Клиент недоступен'),
};

const CREDIT_LOSS_REASONS = [
  {
    key: 'rate_too_high',
    name: t(
      'Zins zu hoch',
      'Interest rate too high',
      'Zbyt wysokie oprocentowanie',
      'Слишком высокая ставка',
    ),
  },
  {
    key: 'no_approval',
    name: t('Keine Bankzusage', 'No bank approval', 'Odmowa banku', 'Отказ банка'),
  },
  CLIENT_WITHDREW,
  COMPETITOR,
  NOT_REACHABLE,
];

/** Mortgage (strict), consumer loan (manual) and insurance (manual), in this order. */
export const DEFAULT_PIPELINES: TSeedPipeline[] = [
  {
    key: 'mortgage',
    name: t('Baufinanzierung', 'Mortgage', 'Kredyt hipoteczny', 'Ипотека'),
    productKind: 'mortgage',
    controlMode: 'strict',
    stages: [
      open('first_contact', FIRST_CONTACT),
      open('needs_analysis', NEEDS_ANALYSIS),
      open('documents', t('Unterlagen', 'Documents', 'Dokumenty', 'Документы'), ['amount', 'purpose']),
      open('offer', OFFER, ['propertyValue']),
      open('application', APPLICATION, ['lender', 'term']),
      open('approval', t('Bankzusage', 'Bank approval', 'Decyzja kredytowa', 'Одобрение банка')),
      CONTRACT_SIGNING,
      PAYOUT,
      LOST,
    ],
    lossReasons: CREDIT_LOSS_REASONS,
  },
  {
    key: 'consumer_loan',
    name: t('Ratenkredit', 'Consumer loan', 'Kredyt gotówkowy', 'Потребительский кредит'),
    productKind: 'consumer_loan',
    controlMode: 'manual',
    stages: [
      open('first_contact', FIRST_CONTACT),
      open(
        'credit_check',
        t('Bonitätsprüfung', 'Credit check', 'Ocena zdolności kredytowej', 'Проверка кредитоспособности'),
        ['amount'],
      ),
      open('offer', OFFER, ['lender', 'term']),
      CONTRACT_SIGNING,
      PAYOUT,
      LOST,
    ],
    lossReasons: CREDIT_LOSS_REASONS,
  },
  {
    key: 'insurance',
    name: t('Versicherung', 'Insurance', 'Ubezpieczenie', 'Страхование'),
    productKind: 'insurance',
    controlMode: 'manual',
    stages: [
      open('first_contact', FIRST_CONTACT),
      open('needs_analysis', NEEDS_ANALYSIS),
      open('offer', OFFER, ['product']),
      open('application', APPLICATION, ['lender']),
      {
        key: 'policy_issued',
        name: t('Police ausgestellt', 'Policy issued', 'Polisa wystawiona', 'Полис выдан'),
        kind: 'won',
        requiredFields: [],
      },
      LOST,
    ],
    lossReasons: [
      {
        key: 'premium_too_high',
        name: t('Beitrag zu hoch', 'Premium too high', 'Zbyt wysoka składka', 'Слишком высокий взнос'),
      },
      {
        key: 'application_declined',
        name: t('Antrag abgelehnt', 'Application declined', 'Wniosek odrzucony', 'Заявка отклонена'),
      },
      CLIENT_WITHDREW,
      COMPETITOR,
      NOT_REACHABLE,
    ],
  },
];
