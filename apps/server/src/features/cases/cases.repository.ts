import { searchableText } from '@kontor/domain';
import { sql } from 'kysely';
import { iso } from '../../platform/schemas';
import type { TTx } from '../../platform/tx';
import type { TCase } from './cases.schemas';

/** The next case number of the tenant for this year, e.g. 2026-000042 (gap-free per tenant). */
export async function nextCaseNumber(tx: TTx, tenantId: string, now = new Date()): Promise<string> {
  const year = now.getUTCFullYear();
  const r = await sql<{ last_number: number }>`
    insert into case_counters (tenant_id, year, last_number) values (${tenantId}, ${year}, 1)
    on conflict (tenant_id, year) do update set last_number = case_counters.last_number + 1
    returning last_number`.execute(tx);
  return `${year}-${String(r.rows[0]!.last_number).padStart(6, '0')}`;
}

const money = (minor: number | null, currency: string | null) =>
  minor === null || currency === null ? null : { minor, currency };

/** Cases by id with stage, client name, applicants and co-executors, in the order of `ids`. */
export async function loadCases(tx: TTx, tenantId: string, ids: string[]): Promise<TCase[]> {
  if (ids.length === 0) return [];
  const [rows, applicants, coExecutors] = await Promise.all([
    tx
      .selectFrom('cases')
      .innerJoin('clients', (j) =>
        j.onRef('clients.tenant_id', '=', 'cases.tenant_id').onRef('clients.id', '=', 'cases.client_id'),
      )
      .innerJoin('pipeline_stages as s', (j) =>
        j
          .onRef('s.tenant_id', '=', 'cases.tenant_id')
          .onRef('s.pipeline_id', '=', 'cases.pipeline_id')
          .onRef('s.key', '=', 'cases.stage_key'),
      )
      .selectAll('cases')
      .select(['clients.display_name as client_name', 's.name as stage_name', 's.kind as stage_kind'])
      .where('cases.tenant_id', '=', tenantId)
      .where('cases.id', 'in', ids)
      .execute(),
    tx
      .selectFrom('case_applicants as a')
      .innerJoin('clients', (j) =>
        j.onRef('clients.tenant_id', '=', 'a.tenant_id').onRef('clients.id', '=', 'a.client_id'),
      )
      .select(['a.case_id', 'a.client_id', 'a.role', 'clients.display_name'])
      .where('a.tenant_id', '=', tenantId)
      .where('a.case_id', 'in', ids)
      .orderBy('a.position')
      .execute(),
    tx
      .selectFrom('case_co_executors')
      .select(['case_id', 'user_id'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', 'in', ids)
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        number: r.number,
        clientId: r.client_id,
        clientName: r.client_name,
        productKind: r.product_kind as TCase['productKind'],
        amount: money(r.amount_minor, r.currency),
        termMonths: r.term_months,
        purpose: r.purpose,
        lender: r.lender,
        product: r.product,
        propertyValue: money(r.property_value_minor, r.currency),
        platformReference: r.platform_reference,
        pipelineId: r.pipeline_id,
        stage: { key: r.stage_key, name: r.stage_name, kind: r.stage_kind as TCase['stage']['kind'] },
        stageValues: r.stage_values as Record<string, string>,
        stageChangedAt: iso(r.stage_changed_at),
        lossReason: r.loss_reason,
        closedAt: iso(r.closed_at),
        ownerId: r.owner_id,
        executorId: r.executor_id,
        coExecutorIds: coExecutors.filter((x) => x.case_id === id).map((x) => x.user_id),
        applicants: applicants
          .filter((a) => a.case_id === id)
          .map((a) => ({
            clientId: a.client_id,
            role: a.role as TCase['applicants'][number]['role'],
            name: a.display_name,
          })),
        custom: r.custom as Record<string, unknown>,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
    ];
  });
}

export async function replaceApplicants(
  tx: TTx,
  tenantId: string,
  caseId: string,
  list: { clientId: string; role: string }[],
) {
  await tx
    .deleteFrom('case_applicants')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();
  if (list.length === 0) return;
  await tx
    .insertInto('case_applicants')
    .values(
      list.map((a, position) => ({
        tenant_id: tenantId,
        case_id: caseId,
        client_id: a.clientId,
        role: a.role,
        position,
      })),
    )
    .execute();
}

export async function replaceCoExecutors(tx: TTx, tenantId: string, caseId: string, userIds: string[]) {
  await tx
    .deleteFrom('case_co_executors')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();
  if (userIds.length === 0) return;
  await tx
    .insertInto('case_co_executors')
    .values([...new Set(userIds)].map((user_id) => ({ tenant_id: tenantId, case_id: caseId, user_id })))
    .execute();
}

export async function recordStageMove(
  tx: TTx,
  tenantId: string,
  m: {
    caseId: string;
    from: string | null;
    to: string;
    lossReason: string | null;
    by: string;
    onBehalfOf: string | null;
  },
) {
  await tx
    .insertInto('case_stage_history')
    .values({
      tenant_id: tenantId,
      case_id: m.caseId,
      from_key: m.from,
      to_key: m.to,
      loss_reason: m.lossReason,
      moved_by: m.by,
      on_behalf_of: m.onBehalfOf,
    })
    .execute();
}

/** Every stage move of a case, oldest first. */
export async function stageHistory(tx: TTx, tenantId: string, caseId: string) {
  const rows = await tx
    .selectFrom('case_stage_history')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('moved_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    from: r.from_key,
    to: r.to_key,
    lossReason: r.loss_reason,
    at: iso(r.moved_at),
    by: r.moved_by,
    onBehalfOf: r.on_behalf_of,
  }));
}

/** Rewrites the search text of a client's cases after the client's name changed (rename, merge). */
export async function refreshCaseSearchText(tx: TTx, tenantId: string, clientId: string) {
  const rows = await tx
    .selectFrom('cases')
    .innerJoin('clients', (j) =>
      j.onRef('clients.tenant_id', '=', 'cases.tenant_id').onRef('clients.id', '=', 'cases.client_id'),
    )
    .select([
      'cases.id',
      'cases.number',
      'cases.platform_reference',
      'cases.lender',
      'cases.product',
      'clients.display_name',
    ])
    .where('cases.tenant_id', '=', tenantId)
    .where('cases.client_id', '=', clientId)
    .execute();
  for (const r of rows) {
    await tx
      .updateTable('cases')
      .set({
        search_text: caseSearchText(r.number, r.platform_reference, r.lender, r.product, r.display_name),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', r.id)
      .execute();
  }
}

/** What the typeahead matches of a case: number, platform reference, lender, product, client name. */
export function caseSearchText(
  number: string,
  platformReference: string | null | undefined,
  lender: string | null | undefined,
  product: string | null | undefined,
  clientName: string,
): string {
  return searchableText([number, platformReference, lender, product, clientName]);
}
