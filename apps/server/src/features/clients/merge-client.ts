import { z } from '@hono/zod-openapi';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError, notFound } from '../../platform/errors';
import { moveToTrash } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { refreshCaseSearchText } from '../cases/cases.repository';
import { derivedColumns, displayNameOf } from './client-input';
import { clientInScope, loadClients, type TClientRow, updateClientRow } from './clients.repository';
import { type TClient, ZClient } from './clients.schemas';
import { CLIENT_TRASH } from './manage-clients';
import { mergeApplicants, mergeContacts, mergeRelations, moveRows, type TMergePair } from './merge-rows';

// B4: folds a duplicate into the client that stays. Everything that points at the duplicate moves
// over, what the survivor has already stays behind and goes to the trash with the duplicate, so
// restoring the duplicate gives back exactly what the merge did not take.

/**
 * Every table and column that points at a client, and how a merge treats its rows:
 * `move` re-points every row (trashed ones too, so that restoring them lands on the survivor);
 * the other strategies are the functions of merge-rows.ts named after them.
 *
 * A table added later with a column pointing at clients (leads, commissions, ...) MUST
 * be added here, or a merge leaves its rows with the duplicate in the trash. The test
 * "CLIENT_REFERENCES names every foreign key to clients" compares this list with the database.
 */
export const CLIENT_REFERENCES: readonly TClientReference[] = [
  { table: 'cases', column: 'client_id', merge: 'move' },
  { table: 'case_applicants', column: 'client_id', merge: 'applicants' },
  { table: 'client_relations', column: 'client_id', merge: 'relations' },
  { table: 'client_relations', column: 'related_client_id', merge: 'relations' },
  { table: 'consents', column: 'client_id', merge: 'move' },
  { table: 'client_emails', column: 'client_id', merge: 'contacts' },
  { table: 'client_phones', column: 'client_id', merge: 'contacts' },
  { table: 'client_addresses', column: 'client_id', merge: 'contacts' },
  // One statement per table: a reply chain of activities (its foreign key includes client_id)
  // moves as a whole and is consistent again when the statement ends.
  { table: 'activities', column: 'client_id', merge: 'move' },
  { table: 'tasks', column: 'client_id', merge: 'move' },
  // A document keeps its bytes where they are: the file key names the tenant, not the client.
  { table: 'documents', column: 'client_id', merge: 'move' },
  // Who reaches a client through its cases: the triggers of migration 0008 recompute it as the
  // cases and applicants above move.
  { table: 'client_reach', column: 'client_id', merge: 'derived' },
];

export type TClientReference = {
  table: string;
  column: string;
  merge: 'move' | 'applicants' | 'relations' | 'contacts' | 'derived';
};

export const ZMergeClients = z
  .strictObject({ duplicateId: z.uuid().openapi({ description: 'The client folded into this one' }) })
  .openapi('MergeClients');

export const ZMergeResult = z
  .object({
    client: ZClient,
    trashId: z.uuid().openapi({ description: 'The trash entry of the duplicate (restorable)' }),
    moved: z.record(z.string(), z.number().int()).openapi({ description: 'Rows moved over, by kind' }),
    kept: z.record(z.string(), z.number().int()).openapi({
      description: 'Rows left with the duplicate because the survivor has them already, by kind',
    }),
    filled: z
      .array(z.string())
      .openapi({ description: 'Empty fields of the survivor filled from the duplicate' }),
  })
  .openapi('MergeResult');

// Fields a merge may fill when the survivor's are empty; some exist only on one kind of client.
const FILLABLE: { field: keyof TClient; kinds: TClient['kind'][] }[] = [
  { field: 'source', kinds: ['person', 'company'] },
  { field: 'salutation', kinds: ['person', 'company'] },
  { field: 'title', kinds: ['person', 'company'] },
  { field: 'firstName', kinds: ['person'] },
  { field: 'birthDate', kinds: ['person'] },
  { field: 'taxId', kinds: ['person'] },
  { field: 'iban', kinds: ['person'] },
  { field: 'registerNumber', kinds: ['company'] },
  { field: 'vatId', kinds: ['company'] },
  { field: 'notes', kinds: ['person', 'company'] },
];

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** The survivor with its empty fields, tags and custom values completed from the duplicate. */
export function completeFrom(survivor: TClient, duplicate: TClient) {
  const next = { ...survivor, tags: [...new Set([...survivor.tags, ...duplicate.tags])] };
  const filled: string[] = [];
  for (const { field, kinds } of FILLABLE) {
    if (kinds.includes(survivor.kind) && isEmpty(survivor[field]) && !isEmpty(duplicate[field])) {
      Object.assign(next, { [field]: duplicate[field] });
      filled.push(field);
    }
  }
  if (next.tags.length > survivor.tags.length) filled.push('tags');
  const custom = { ...survivor.custom };
  for (const [key, value] of Object.entries(duplicate.custom)) {
    if (isEmpty(custom[key]) && !isEmpty(value)) {
      custom[key] = value;
      filled.push(`custom.${key}`);
    }
  }
  return { client: { ...next, custom }, filled };
}

// Writes the completed survivor with its name and search columns worked out again.
async function saveSurvivor(tx: TTx, tenantId: string, c: TClient) {
  const base: Omit<TClientRow, 'search_text' | 'name_keys'> = {
    kind: c.kind,
    client_type: c.clientType,
    status: c.status,
    source: c.source,
    owner_id: c.ownerId,
    salutation: c.salutation,
    title: c.title,
    first_name: c.firstName,
    last_name: c.lastName,
    company_name: c.companyName,
    display_name: displayNameOf(c),
    birth_date: c.birthDate,
    tax_id: c.taxId,
    iban: c.iban,
    register_number: c.registerNumber,
    vat_id: c.vatId,
    time_zone: c.timeZone,
    tags: c.tags,
    custom: c.custom,
    notes: c.notes,
  };
  await updateClientRow(tx, tenantId, c.id, { ...base, ...derivedColumns(base, c) });
}

// Locks both clients in a fixed order: two merges of the same pair cannot cross each other.
async function lockPair(tx: TTx, tenantId: string, ids: string[]) {
  await tx
    .selectFrom('clients')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

// Re-points what hangs on the duplicate; answers what moved and what stayed behind.
async function moveEverything(tx: TTx, pair: TMergePair) {
  const moved: Record<string, number> = {};
  const kept: Record<string, number> = {};
  for (const ref of CLIENT_REFERENCES) {
    if (ref.merge === 'move') moved[ref.table] = (moved[ref.table] ?? 0) + (await moveRows(tx, pair, ref));
  }
  for (const step of [mergeApplicants, mergeRelations, mergeContacts]) {
    const r = await step(tx, pair);
    Object.assign(moved, r.moved);
    Object.assign(kept, r.kept);
  }
  return { moved, kept };
}

/**
 * Folds the client `duplicateId` into the client `id`: cases, applicants, relations, consents,
 * new contacts, tags and empty fields move over; the duplicate goes to the trash with the rest.
 */
export async function mergeClients(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const { duplicateId } = parseInput(ZMergeClients, raw);
  if (duplicateId === id) throw fieldError('duplicateId', 'self', 'a client cannot be merged into itself');
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'edit');
    await lockPair(tx, tenantId, [id, duplicateId]);
    const survivorRow = await clientInScope(tx, tenantId, id, scope);
    // The duplicate ends in the trash: that needs the right to delete it, not only to edit.
    const deleteScope = await resolveScope(tx, ctx.actor, 'clients', 'delete');
    const duplicateRow = await clientInScope(tx, tenantId, duplicateId, deleteScope);
    if (!survivorRow || !duplicateRow) throw notFound('client');
    const [survivor, duplicate] = await loadClients(tx, tenantId, [id, duplicateId]);
    const { moved, kept } = await moveEverything(tx, { tenantId, survivorId: id, duplicateId });
    const [withContacts] = await loadClients(tx, tenantId, [id]);
    const completed = completeFrom(withContacts!, duplicate!);
    await saveSurvivor(tx, tenantId, completed.client);
    await refreshCaseSearchText(tx, tenantId, id); // the moved cases carried the duplicate's name
    const [after] = await loadClients(tx, tenantId, [id]);
    const owners = [survivorRow.owner_id, duplicateRow.owner_id];
    const summary = { moved, kept, filled: completed.filled };
    await recordAudit(tx, ctx, {
      entity: 'client',
      entityId: id,
      action: 'merge',
      before: survivor,
      after: {
        ...after,
        mergedFrom: { id: duplicateId, displayName: duplicateRow.display_name, ...summary },
      },
      ownerUserIds: owners,
    });
    await recordAudit(tx, ctx, {
      entity: 'client',
      entityId: duplicateId,
      action: 'merged_into',
      before: duplicate,
      after: { mergedInto: { id, displayName: survivorRow.display_name, ...summary } },
      ownerUserIds: [duplicateRow.owner_id, survivorRow.owner_id],
    });
    // After the moves: only what stayed with the duplicate goes to the trash with it.
    const trashId = await moveToTrash(tx, ctx, CLIENT_TRASH, {
      id: duplicateId,
      label: duplicateRow.display_name,
      ownerUserId: duplicateRow.owner_id,
      before: (await loadClients(tx, tenantId, [duplicateId]))[0],
    });
    return { client: after!, trashId, ...summary };
  });
}
