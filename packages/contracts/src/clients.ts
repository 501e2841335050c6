// Request bodies of clients, shared by the server (which validates them and builds its OpenAPI
// schemas CreateClient and UpdateClient from the shapes here) and the web app (which validates the
// same way as the user types).
import { z } from 'zod';

export const CLIENT_KINDS = ['person', 'company'] as const;
export const CLIENT_TYPES = ['private', 'business', 'partner_referred'] as const;
export const CLIENT_STATUSES = ['new', 'qualified', 'unqualified', 'regular', 'lost'] as const;
export const CLIENT_SOURCES = ['partner', 'hotline', 'website', 'portal', 'campaign', 'import'] as const;
export const ADDRESS_KINDS = ['home', 'work', 'postal', 'registered'] as const;

const ZText = (max: number) => z.string().trim().max(max);

export const ZEmailIn = z.object({
  address: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  label: ZText(50).default(''),
});
export const ZPhoneIn = z.object({ number: z.string().trim().min(3).max(40), label: ZText(50).default('') });
export const ZAddressIn = z.object({
  kind: z.enum(ADDRESS_KINDS).default('home'),
  street: ZText(200).default(''),
  postalCode: ZText(20).default(''),
  city: ZText(100).default(''),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166 country code, e.g. DE')
    .default('DE'),
});

const fields = {
  clientType: z.enum(CLIENT_TYPES),
  status: z.enum(CLIENT_STATUSES),
  source: z.enum(CLIENT_SOURCES).nullable(),
  ownerId: z.uuid(),
  salutation: ZText(50).nullable(),
  title: ZText(50).nullable(),
  firstName: ZText(100).nullable(),
  lastName: ZText(100).min(1),
  companyName: ZText(200).min(1),
  birthDate: z.iso.date().nullable(),
  taxId: ZText(30).nullable(),
  iban: ZText(42).nullable(),
  registerNumber: ZText(50).nullable(),
  vatId: ZText(20).nullable(),
  timeZone: ZText(64).min(1),
  tags: z.array(ZText(50).min(1)).max(50),
  notes: ZText(10_000),
  emails: z.array(ZEmailIn).max(20),
  phones: z.array(ZPhoneIn).max(20),
  addresses: z.array(ZAddressIn).max(10),
};

const common = z.object({
  clientType: fields.clientType,
  status: fields.status,
  source: fields.source,
  ownerId: fields.ownerId.describe('Default: yourself'),
  salutation: fields.salutation,
  title: fields.title,
  timeZone: fields.timeZone,
  tags: fields.tags,
  notes: fields.notes,
  emails: fields.emails,
  phones: fields.phones,
  addresses: fields.addresses,
  custom: z.record(z.string(), z.unknown()).describe('Custom field values by key'),
});
const person = z.object({
  firstName: fields.firstName,
  lastName: fields.lastName,
  birthDate: fields.birthDate,
  taxId: fields.taxId,
  iban: fields.iban,
});
const company = z.object({
  companyName: fields.companyName,
  registerNumber: fields.registerNumber,
  vatId: fields.vatId,
});

/** A new person: the last name is required, everything else optional. */
export const ZCreatePerson = z
  .strictObject({ kind: z.literal('person'), lastName: fields.lastName })
  .extend(person.omit({ lastName: true }).partial().shape)
  .extend(common.partial().shape);
/** A new company: the company name is required, everything else optional. */
export const ZCreateCompany = z
  .strictObject({ kind: z.literal('company'), companyName: fields.companyName })
  .extend(company.omit({ companyName: true }).partial().shape)
  .extend(common.partial().shape);

export const ZCreateClient = z.discriminatedUnion('kind', [ZCreatePerson, ZCreateCompany]);
export type TCreateClient = z.infer<typeof ZCreateClient>;

/** A change: any field; person fields only on persons, company fields only on companies. */
export const ZUpdateClient = common.extend(person.shape).extend(company.shape).partial().strict();
export type TUpdateClient = z.infer<typeof ZUpdateClient>;

// Consents (B10): every grant and every withdrawal is a new record (the server keeps the log).
export const CONSENT_CHANNELS = ['email', 'phone', 'sms', 'post', 'messenger', 'any'] as const;
export const LEGAL_BASES = ['consent', 'contract', 'legal_obligation', 'legitimate_interest'] as const;

/** Evidence of a consent, e.g. of a double opt-in (the server names it ConsentProof). */
export const ZConsentProof = z.strictObject({
  confirmedAt: z.iso.datetime({ offset: true }).optional(),
  ip: z.union([z.ipv4(), z.ipv6()]).optional(),
  token: z.string().trim().min(1).max(500).optional(),
  reference: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .meta({ description: 'Where other evidence is kept, e.g. the number of a signed form' }),
});

export const ZRecordConsent = z.strictObject({
  // A stable key, so that the current view groups the records of one purpose together.
  purpose: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'a key such as marketing or newsletter')
    .meta({ example: 'marketing' }),
  channel: z.enum(CONSENT_CHANNELS),
  granted: z.boolean().meta({ description: 'false records a withdrawal (or a refusal)' }),
  legalBasis: z.enum(LEGAL_BASES),
  source: z.string().trim().min(1).max(200).meta({ example: 'website form' }),
  wordingVersion: z.string().trim().min(1).max(100).meta({ example: '2026-01' }),
  proof: ZConsentProof.optional(),
});
export type TRecordConsent = z.infer<typeof ZRecordConsent>;

// Relations (B6): "this client is <kind> of the related one", read from both ends.
export const RELATION_KINDS = ['household_member', 'employer', 'representative', 'guarantor'] as const;
export const RELATION_DIRECTIONS = ['outgoing', 'incoming'] as const;

export const ZCreateRelation = z.strictObject({
  relatedClientId: z.uuid(),
  kind: z.enum(RELATION_KINDS),
  direction: z.enum(RELATION_DIRECTIONS).default('outgoing').meta({
    description:
      'outgoing: this client is <kind> of the related one; incoming: the related one is <kind> of this',
  }),
  note: z.string().trim().max(1000).default(''),
});
export type TCreateRelation = z.infer<typeof ZCreateRelation>;
