import type { TFieldError } from '@kontor/contracts';
import { inScope, resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError } from '../../platform/errors';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { validateCustom } from '../custom-fields/custom-fields';
import { derivedColumns, displayNameOf, normaliseClientInput, throwIfErrors } from './client-input';
import { insertClient, loadClients, replaceContacts, type TClientRow } from './clients.repository';
import { ZCreateClient } from './clients.schemas';
import { findDuplicates } from './duplicates';

/** The owner must be an active user the actor may assign clients to. */
export async function checkOwner(
  tx: TTx,
  ctx: TContext,
  ownerId: string,
  scope: Parameters<typeof inScope>[0],
) {
  if (!inScope(scope, [ownerId], null)) throw new AppError('forbidden', 'the owner is outside your scope');
  const owner = await tx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', ownerId)
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!owner) throw fieldError('ownerId', 'unknown', 'unknown or inactive user');
}

/**
 * Creates a person or company with contacts. Answers 409 with the likely duplicates and their
 * reasons unless `allowDuplicate` is set.
 */
export async function createClient(deps: TDeps, ctx: TContext, raw: unknown, allowDuplicate: boolean) {
  const input = parseInput(ZCreateClient, raw);
  const errors: TFieldError[] = [];
  const norm = normaliseClientInput(input, errors);
  throwIfErrors(errors);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'create');
    const ownerId = input.ownerId ?? ctx.actor.userId;
    await checkOwner(tx, ctx, ownerId, scope);
    const custom = await validateCustom(tx, ctx.actor.tenantId, 'client', input.custom ?? {}, true);
    const person = input.kind === 'person' ? input : null;
    const company = input.kind === 'company' ? input : null;
    const base = {
      kind: input.kind,
      client_type: input.clientType ?? (input.kind === 'company' ? 'business' : 'private'),
      status: input.status ?? 'new',
      source: input.source ?? null,
      owner_id: ownerId,
      salutation: input.salutation ?? null,
      title: input.title ?? null,
      first_name: person?.firstName ?? null,
      last_name: person?.lastName ?? null,
      company_name: company?.companyName ?? null,
      display_name: displayNameOf(input),
      birth_date: person?.birthDate ?? null,
      tax_id: norm.taxId,
      iban: norm.iban,
      register_number: company?.registerNumber ?? null,
      vat_id: norm.vatId,
      time_zone: input.timeZone ?? 'Europe/Berlin',
      tags: [...new Set(input.tags ?? [])],
      custom,
      notes: input.notes ?? '',
    };
    const contacts = {
      emails: norm.contacts.emails ?? [],
      phones: norm.contacts.phones ?? [],
      addresses: norm.contacts.addresses ?? [],
    };
    const row: TClientRow = { ...base, ...derivedColumns(base, contacts) };
    if (!allowDuplicate) {
      const candidates = await findDuplicates(
        tx,
        ctx.actor.tenantId,
        await resolveScope(tx, ctx.actor, 'clients', 'view'),
        {
          emails: contacts.emails.map((e) => e.address),
          phonesE164: contacts.phones.map((p) => p.e164),
          taxId: row.tax_id,
          iban: row.iban,
          nameKeys: row.name_keys,
        },
        {
          kind: row.kind,
          firstName: row.first_name ?? undefined,
          lastName: row.last_name ?? undefined,
          companyName: row.company_name ?? undefined,
          birthDate: row.birth_date ?? undefined,
          emails: contacts.emails.map((e) => e.address),
          phonesE164: contacts.phones.map((p) => p.e164),
          taxId: row.tax_id ?? undefined,
          iban: row.iban ?? undefined,
        },
      );
      if (candidates.length > 0) {
        throw new AppError(
          'duplicate_client',
          `${candidates.length} similar client(s) exist; send ?allowDuplicate=true to create anyway`,
          undefined,
          {
            candidates,
          },
        );
      }
    }
    const id = await insertClient(tx, ctx.actor.tenantId, row, ctx.actor.userId);
    await replaceContacts(tx, ctx.actor.tenantId, id, contacts);
    const [client] = await loadClients(tx, ctx.actor.tenantId, [id]);
    await recordAudit(tx, ctx, {
      entity: 'client',
      entityId: id,
      action: 'create',
      after: client,
      ownerUserIds: [ownerId],
    });
    return client!;
  });
}
