import type { TFieldError } from '@kontor/contracts';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { moveToTrash, registerTrashable, restoreFromTrash, trashEntryInScope } from '../../platform/trash';
import { inTenant } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { refreshCaseSearchText } from '../cases/cases.repository';
import { validateCustom } from '../custom-fields/custom-fields';
import { derivedColumns, displayNameOf, normaliseClientInput, throwIfErrors } from './client-input';
import {
  CLIENT_SCOPE,
  clientInScope,
  loadClients,
  replaceContacts,
  type TClientRow,
  updateClientRow,
} from './clients.repository';
import { ZUpdateClient } from './clients.schemas';
import { checkOwner } from './create-client';

// A client leaves for the trash with everything that hangs on it, and comes back with it.
export const CLIENT_TRASH = registerTrashable({
  entity: 'client',
  table: 'clients',
  dependents: [
    { table: 'client_emails', column: 'client_id' },
    { table: 'client_phones', column: 'client_id' },
    { table: 'client_addresses', column: 'client_id' },
    { table: 'client_relations', column: 'client_id' },
    { table: 'client_relations', column: 'related_client_id' },
    { table: 'consents', column: 'client_id' },
    // Its cases and the work on the client go with it (documents last: purge runs backwards,
    // so documents, which do not cascade, leave before the cases and the client they point at).
    { table: 'cases', column: 'client_id' },
    { table: 'activities', column: 'client_id' },
    { table: 'tasks', column: 'client_id' },
    { table: 'documents', column: 'client_id' },
  ],
});

export async function getClient(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'view');
    if (!(await clientInScope(tx, ctx.actor.tenantId, id, scope))) throw notFound('client');
    return (await loadClients(tx, ctx.actor.tenantId, [id]))[0]!;
  });
}

/** Changes a client; lists of contacts given replace the old ones, lists not given stay. */
export async function updateClient(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZUpdateClient, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'edit');
    if (!(await clientInScope(tx, ctx.actor.tenantId, id, scope))) throw notFound('client');
    const [before] = await loadClients(tx, ctx.actor.tenantId, [id]);
    const b = before!;
    const errors: TFieldError[] = [];
    const norm = normaliseClientInput({ ...input, kind: b.kind }, errors);
    throwIfErrors(errors);
    if (input.ownerId && input.ownerId !== b.ownerId) await checkOwner(tx, ctx, input.ownerId, scope);
    const custom = input.custom
      ? { ...b.custom, ...(await validateCustom(tx, ctx.actor.tenantId, 'client', input.custom, false)) }
      : b.custom;
    for (const [key, value] of Object.entries(input.custom ?? {})) if (value === null) delete custom[key];
    const pick = <T>(next: T | undefined, old: T) => (next === undefined ? old : next);
    const base: Omit<TClientRow, 'search_text' | 'name_keys'> = {
      kind: b.kind,
      client_type: pick(input.clientType, b.clientType),
      status: pick(input.status, b.status),
      source: pick(input.source, b.source),
      owner_id: pick(input.ownerId, b.ownerId),
      salutation: pick(input.salutation, b.salutation),
      title: pick(input.title, b.title),
      first_name: pick(input.firstName, b.firstName),
      last_name: pick(input.lastName, b.lastName),
      company_name: pick(input.companyName, b.companyName),
      display_name: '',
      birth_date: pick(input.birthDate, b.birthDate),
      tax_id: input.taxId === undefined ? b.taxId : norm.taxId,
      iban: input.iban === undefined ? b.iban : norm.iban,
      register_number: pick(input.registerNumber, b.registerNumber),
      vat_id: input.vatId === undefined ? b.vatId : norm.vatId,
      time_zone: pick(input.timeZone, b.timeZone),
      tags: input.tags ? [...new Set(input.tags)] : b.tags,
      custom,
      notes: pick(input.notes, b.notes),
    };
    base.display_name = displayNameOf({
      kind: b.kind,
      title: base.title,
      firstName: base.first_name,
      lastName: base.last_name,
      companyName: base.company_name,
    });
    const contacts = {
      emails: norm.contacts.emails ?? b.emails,
      phones: norm.contacts.phones ?? b.phones,
      addresses: norm.contacts.addresses ?? b.addresses,
    };
    await updateClientRow(tx, ctx.actor.tenantId, id, { ...base, ...derivedColumns(base, contacts) });
    await replaceContacts(tx, ctx.actor.tenantId, id, norm.contacts);
    if (base.display_name !== b.displayName) await refreshCaseSearchText(tx, ctx.actor.tenantId, id);
    const [after] = await loadClients(tx, ctx.actor.tenantId, [id]);
    await recordAudit(tx, ctx, {
      entity: 'client',
      entityId: id,
      action: 'update',
      before,
      after,
      ownerUserIds: [b.ownerId, after!.ownerId],
    });
    return after!;
  });
}

export async function deleteClient(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'delete');
    const found = await clientInScope(tx, ctx.actor.tenantId, id, scope);
    if (!found) throw notFound('client');
    const [before] = await loadClients(tx, ctx.actor.tenantId, [id]);
    const trashId = await moveToTrash(tx, ctx, CLIENT_TRASH, {
      id,
      label: found.display_name,
      ownerUserId: found.owner_id,
      before,
    });
    return { trashId };
  });
}

/** Brings a deleted client back with everything that was deleted with it. */
export async function restoreClient(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'delete');
    const entry = await trashEntryInScope(tx, ctx.actor.tenantId, CLIENT_TRASH, id, scope, CLIENT_SCOPE);
    if (!entry) throw notFound('client in the trash');
    await restoreFromTrash(tx, ctx, entry);
    return (await loadClients(tx, ctx.actor.tenantId, [id]))[0]!;
  });
}
