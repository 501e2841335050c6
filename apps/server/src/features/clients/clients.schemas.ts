import { z } from '@hono/zod-openapi';

import {
  ADDRESS_KINDS,
  CLIENT_KINDS,
  CLIENT_SOURCES,
  CLIENT_STATUSES,
  CLIENT_TYPES,
  ZCreateCompany,
  ZCreatePerson,
  ZUpdateClient as ZUpdateClientBody,
} from '@kontor/contracts';

export { ZAddressIn, ZEmailIn, ZPhoneIn } from '@kontor/contracts';
export { ADDRESS_KINDS, CLIENT_KINDS, CLIENT_SOURCES, CLIENT_STATUSES, CLIENT_TYPES };

// The request bodies live in @kontor/contracts (the web form checks them as the user types); here
// they are rebuilt with zod-openapi's z, which names them as OpenAPI components.
export const ZCreateClient = z
  .discriminatedUnion('kind', [z.strictObject(ZCreatePerson.shape), z.strictObject(ZCreateCompany.shape)])
  .openapi('CreateClient');
export type TCreateClient = z.infer<typeof ZCreateClient>;

/** A change: any field; person fields only on persons, company fields only on companies. */
export const ZUpdateClient = z.strictObject(ZUpdateClientBody.shape).openapi('UpdateClient');
export type TUpdateClient = z.infer<typeof ZUpdateClient>;

export const ZClient = z
  .object({
    id: z.uuid(),
    kind: z.enum(CLIENT_KINDS),
    clientType: z.enum(CLIENT_TYPES),
    status: z.enum(CLIENT_STATUSES),
    source: z.enum(CLIENT_SOURCES).nullable(),
    ownerId: z.uuid(),
    displayName: z.string(),
    salutation: z.string().nullable(),
    title: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    companyName: z.string().nullable(),
    birthDate: z.string().nullable(),
    taxId: z.string().nullable(),
    iban: z.string().nullable(),
    registerNumber: z.string().nullable(),
    vatId: z.string().nullable(),
    timeZone: z.string(),
    localTime: z.string().openapi({ description: 'The client’s current local time, ISO 8601 with offset' }),
    tags: z.array(z.string()),
    notes: z.string(),
    custom: z.record(z.string(), z.unknown()),
    emails: z.array(z.object({ id: z.uuid(), address: z.string(), label: z.string() })),
    phones: z.array(
      z.object({
        id: z.uuid(),
        number: z.string().openapi({ description: 'As entered' }),
        e164: z.string(),
        label: z.string(),
      }),
    ),
    addresses: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(ADDRESS_KINDS),
        street: z.string(),
        postalCode: z.string(),
        city: z.string(),
        country: z.string(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Client');
export type TClient = z.infer<typeof ZClient>;

export const ZDuplicateCandidate = z
  .object({
    id: z.uuid().nullable().openapi({ description: 'null when the existing client is outside your scope' }),
    displayName: z.string().nullable(),
    ownerId: z.uuid(),
    score: z.number(),
    reasons: z.array(z.string()).openapi({
      description: 'same_email, same_phone, same_tax_id, same_iban, similar_name, same_birth_date',
    }),
    against: z
      .array(z.string())
      .openapi({ description: 'Evidence that lowered the score, e.g. different_first_name' }),
  })
  .openapi('DuplicateCandidate');
