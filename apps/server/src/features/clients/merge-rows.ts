import { foldText } from '@kontor/domain';
import { sql } from 'kysely';
import type { TTx } from '../../platform/tx';
import { relationKey } from './relations';

// The row work of a merge (merge-client.ts): each step re-points what hangs on the duplicate and
// leaves behind what the survivor has already, so that it goes to the trash with the duplicate.

export type TMergePair = { tenantId: string; survivorId: string; duplicateId: string };
type TStepResult = { moved: Record<string, number>; kept: Record<string, number> };

const count = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint } | undefined) =>
  Number(r?.numUpdatedRows ?? r?.numDeletedRows ?? 0n);

/** Re-points every row of a table from the duplicate to the survivor, trashed rows included. */
export async function moveRows(tx: TTx, p: TMergePair, ref: { table: string; column: string }) {
  const r = await sql`update ${sql.table(ref.table)} set ${sql.ref(ref.column)} = ${p.survivorId}
    where tenant_id = ${p.tenantId} and ${sql.ref(ref.column)} = ${p.duplicateId}`.execute(tx);
  return Number(r.numAffectedRows ?? 0n);
}

/**
 * A case has each client once among its applicants (the key says so): where both are applicants,
 * the survivor's row and role stay and the duplicate's row goes.
 */
export async function mergeApplicants(tx: TTx, p: TMergePair): Promise<TStepResult> {
  const both = tx
    .selectFrom('case_applicants as s')
    .select('s.case_id')
    .where('s.tenant_id', '=', p.tenantId)
    .where('s.client_id', '=', p.survivorId);
  const dropped = await tx
    .deleteFrom('case_applicants')
    .where('tenant_id', '=', p.tenantId)
    .where('client_id', '=', p.duplicateId)
    .where('case_id', 'in', both)
    .executeTakeFirst();
  const moved = await tx
    .updateTable('case_applicants')
    .set({ client_id: p.survivorId })
    .where('tenant_id', '=', p.tenantId)
    .where('client_id', '=', p.duplicateId)
    .executeTakeFirst();
  return { moved: { caseApplicants: count(moved) }, kept: { caseApplicantsDropped: count(dropped) } };
}

/**
 * Re-points the duplicate's live relations, both directions. One that would relate the survivor to
 * itself, or repeat a relation the survivor has, stays with the duplicate.
 */
export async function mergeRelations(tx: TTx, p: TMergePair): Promise<TStepResult> {
  const pair = [p.survivorId, p.duplicateId];
  const rows = await tx
    .selectFrom('client_relations')
    .select(['id', 'client_id', 'related_client_id', 'kind'])
    .where('tenant_id', '=', p.tenantId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('client_id', 'in', pair), eb('related_client_id', 'in', pair)]))
    .execute();
  const ofDuplicate = (r: (typeof rows)[number]) =>
    r.client_id === p.duplicateId || r.related_client_id === p.duplicateId;
  const keys = new Set(
    rows.filter((r) => !ofDuplicate(r)).map((r) => relationKey(r.kind, r.client_id, r.related_client_id)),
  );
  const swap = (id: string) => (id === p.duplicateId ? p.survivorId : id);
  let moved = 0;
  let kept = 0;
  // One row at a time, each checked against the keys so far: the unique indexes never trip.
  for (const r of rows.filter(ofDuplicate)) {
    const from = swap(r.client_id);
    const to = swap(r.related_client_id);
    const key = relationKey(r.kind, from, to);
    if (from === to || keys.has(key)) {
      kept++;
      continue;
    }
    keys.add(key);
    await tx
      .updateTable('client_relations')
      .set({ client_id: from, related_client_id: to })
      .where('tenant_id', '=', p.tenantId)
      .where('id', '=', r.id)
      .execute();
    moved++;
  }
  return { moved: { relations: moved }, kept: { relations: kept } };
}

/** An address as a comparable key: folded, punctuation gone, "Straße" and "Str." alike. */
export function addressKey(a: { street: string; postal_code: string; city: string; country: string }) {
  const fold = (s: string) =>
    foldText(s)
      .replace(/strasse\b/g, 'str')
      .replace(/[^a-z0-9]/g, '');
  return [fold(a.street), fold(a.postal_code), fold(a.city), a.country].join('|');
}

const CONTACTS = [
  { name: 'emails', table: 'client_emails', key: (r: Record<string, unknown>) => String(r.address) },
  { name: 'phones', table: 'client_phones', key: (r: Record<string, unknown>) => String(r.e164) },
  {
    name: 'addresses',
    table: 'client_addresses',
    key: (r: Record<string, unknown>) => addressKey(r as Parameters<typeof addressKey>[0]),
  },
] as const;

/**
 * Moves the duplicate's e-mails (same address), phones (same E.164) and addresses (same
 * normalised address) that the survivor lacks, after the survivor's own.
 */
export async function mergeContacts(tx: TTx, p: TMergePair): Promise<TStepResult> {
  const result: TStepResult = { moved: {}, kept: {} };
  for (const c of CONTACTS) {
    const rows = (
      await sql<Record<string, unknown> & { id: string; client_id: string; position: number }>`
        select * from ${sql.table(c.table)} where tenant_id = ${p.tenantId}
          and client_id in (${p.survivorId}, ${p.duplicateId}) and deleted_at is null
        order by position, id`.execute(tx)
    ).rows;
    const mine = rows.filter((r) => r.client_id === p.survivorId);
    const have = new Set(mine.map(c.key));
    let position = Math.max(-1, ...mine.map((r) => r.position));
    let moved = 0;
    for (const r of rows.filter((row) => row.client_id === p.duplicateId)) {
      if (have.has(c.key(r))) continue;
      have.add(c.key(r));
      position++;
      moved++;
      await sql`update ${sql.table(c.table)} set client_id = ${p.survivorId}, position = ${position}
        where tenant_id = ${p.tenantId} and id = ${r.id}`.execute(tx);
    }
    result.moved[c.name] = moved;
    result.kept[c.name] = rows.length - mine.length - moved;
  }
  return result;
}
