import { sql } from 'kysely';
import { scopeWhere, type TScopeFilter } from '../../platform/access';
import { iso } from '../../platform/schemas';
import type { TTx } from '../../platform/tx';
import { CLIENT_SCOPE } from '../cases/case-scope';
import type { TClient } from './clients.schemas';
import { localTimeIn } from './local-time';

export { CLIENT_SCOPE };

export type TClientRow = {
  kind: 'person' | 'company';
  client_type: string;
  status: string;
  source: string | null;
  owner_id: string;
  salutation: string | null;
  title: string | null;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  display_name: string;
  birth_date: string | null;
  tax_id: string | null;
  iban: string | null;
  register_number: string | null;
  vat_id: string | null;
  time_zone: string;
  tags: string[];
  custom: Record<string, unknown>;
  notes: string;
  search_text: string;
  name_keys: string[];
};

export type TContacts = {
  emails?: { address: string; label: string }[];
  phones?: { number: string; e164: string; label: string }[];
  addresses?: { kind: string; street: string; postalCode: string; city: string; country: string }[];
};

/** Replaces the given kinds of contact of a client (a list not given stays as it is). */
export async function replaceContacts(tx: TTx, tenantId: string, clientId: string, c: TContacts) {
  const base = { tenant_id: tenantId, client_id: clientId };
  if (c.emails) {
    await tx
      .deleteFrom('client_emails')
      .where('tenant_id', '=', tenantId)
      .where('client_id', '=', clientId)
      .execute();
    if (c.emails.length > 0) {
      await tx
        .insertInto('client_emails')
        .values(c.emails.map((e, position) => ({ ...base, ...e, position })))
        .execute();
    }
  }
  if (c.phones) {
    await tx
      .deleteFrom('client_phones')
      .where('tenant_id', '=', tenantId)
      .where('client_id', '=', clientId)
      .execute();
    if (c.phones.length > 0) {
      await tx
        .insertInto('client_phones')
        .values(c.phones.map((p, position) => ({ ...base, ...p, position })))
        .execute();
    }
  }
  if (c.addresses) {
    await tx
      .deleteFrom('client_addresses')
      .where('tenant_id', '=', tenantId)
      .where('client_id', '=', clientId)
      .execute();
    if (c.addresses.length > 0) {
      await tx
        .insertInto('client_addresses')
        .values(
          c.addresses.map((a, position) => ({
            ...base,
            kind: a.kind,
            street: a.street,
            postal_code: a.postalCode,
            city: a.city,
            country: a.country,
            position,
          })),
        )
        .execute();
    }
  }
}

export async function insertClient(
  tx: TTx,
  tenantId: string,
  row: TClientRow,
  createdBy: string,
): Promise<string> {
  const r = await tx
    .insertInto('clients')
    .values({ ...row, tenant_id: tenantId, custom: JSON.stringify(row.custom), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateClientRow(tx: TTx, tenantId: string, id: string, row: Partial<TClientRow>) {
  const { custom, ...rest } = row;
  await tx
    .updateTable('clients')
    .set({ ...rest, ...(custom ? { custom: JSON.stringify(custom) } : {}), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Clients by id with their contacts, in the order of `ids`. */
export async function loadClients(tx: TTx, tenantId: string, ids: string[]): Promise<TClient[]> {
  if (ids.length === 0) return [];
  const [rows, emails, phones, addresses] = await Promise.all([
    tx.selectFrom('clients').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute(),
    tx
      .selectFrom('client_emails')
      .select(['id', 'client_id', 'address', 'label'])
      .where('tenant_id', '=', tenantId)
      .where('client_id', 'in', ids)
      .orderBy('position')
      .execute(),
    tx
      .selectFrom('client_phones')
      .select(['id', 'client_id', 'number', 'e164', 'label'])
      .where('tenant_id', '=', tenantId)
      .where('client_id', 'in', ids)
      .orderBy('position')
      .execute(),
    tx
      .selectFrom('client_addresses')
      .select(['id', 'client_id', 'kind', 'street', 'postal_code', 'city', 'country'])
      .where('tenant_id', '=', tenantId)
      .where('client_id', 'in', ids)
      .orderBy('position')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const mine = <T extends { client_id: string }>(list: T[]) => list.filter((x) => x.client_id === id);
    return [
      {
        id: r.id,
        kind: r.kind as TClient['kind'],
        clientType: r.client_type as TClient['clientType'],
        status: r.status as TClient['status'],
        source: r.source as TClient['source'],
        ownerId: r.owner_id,
        displayName: r.display_name,
        salutation: r.salutation,
        title: r.title,
        firstName: r.first_name,
        lastName: r.last_name,
        companyName: r.company_name,
        birthDate: r.birth_date,
        taxId: r.tax_id,
        iban: r.iban,
        registerNumber: r.register_number,
        vatId: r.vat_id,
        timeZone: r.time_zone,
        localTime: localTimeIn(r.time_zone),
        tags: r.tags,
        notes: r.notes,
        custom: r.custom as Record<string, unknown>,
        emails: mine(emails).map((e) => ({ id: e.id, address: e.address, label: e.label })),
        phones: mine(phones).map((p) => ({ id: p.id, number: p.number, e164: p.e164, label: p.label })),
        addresses: mine(addresses).map((a) => ({
          id: a.id,
          kind: a.kind as TClient['addresses'][number]['kind'],
          street: a.street,
          postalCode: a.postal_code,
          city: a.city,
          country: a.country,
        })),
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
    ];
  });
}

/** Is a live client inside the scope? Answers its owner when it is. */
export async function clientInScope(tx: TTx, tenantId: string, id: string, scope: TScopeFilter) {
  return tx
    .selectFrom('clients')
    .select(['id', 'owner_id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where((eb) => scopeWhere(eb, scope, CLIENT_SCOPE))
    .executeTakeFirst();
}

export type TProbe = {
  emails: string[];
  phonesE164: string[];
  taxId: string | null;
  iban: string | null;
  nameKeys: string[];
};

/** Live clients of the tenant sharing a contact, a number or a name key with the probe. */
export async function duplicateCandidates(tx: TTx, tenantId: string, probe: TProbe, excludeId?: string) {
  const q = tx
    .selectFrom('clients')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(probe.nameKeys.length ? [sql<boolean>`name_keys && ${sql.val(probe.nameKeys)}::text[]`] : []),
        ...(probe.taxId ? [eb('tax_id', '=', probe.taxId)] : []),
        ...(probe.iban ? [eb('iban', '=', probe.iban)] : []),
        ...(probe.emails.length
          ? [
              eb(
                'id',
                'in',
                eb
                  .selectFrom('client_emails')
                  .select('client_id')
                  .where('tenant_id', '=', tenantId)
                  .where('address', 'in', probe.emails),
              ),
            ]
          : []),
        ...(probe.phonesE164.length
          ? [
              eb(
                'id',
                'in',
                eb
                  .selectFrom('client_phones')
                  .select('client_id')
                  .where('tenant_id', '=', tenantId)
                  .where('e164', 'in', probe.phonesE164),
              ),
            ]
          : []),
        sql<boolean>`false`,
      ]),
    );
  const rows = await (excludeId ? q.where('id', '<>', excludeId) : q).limit(50).execute();
  return rows.map((r) => r.id);
}
