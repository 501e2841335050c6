import { z } from '@hono/zod-openapi';
import type { TCustomFieldType } from '@kontor/contracts';
import { searchTerms } from '@kontor/domain';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { resolveScope, scopeWhere } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError } from '../../platform/errors';
import { decodeCursor, encodeCursor, ZPageQuery } from '../../platform/pagination';
import { inTenant, type TTx } from '../../platform/tx';
import { listDefinitions } from '../custom-fields/custom-fields';
import { CLIENT_SCOPE, loadClients } from './clients.repository';
import { CLIENT_SOURCES, CLIENT_STATUSES, CLIENT_TYPES } from './clients.schemas';

export const ZClientListQuery = ZPageQuery.extend({
  status: z.enum(CLIENT_STATUSES).optional(),
  clientType: z.enum(CLIENT_TYPES).optional(),
  source: z.enum(CLIENT_SOURCES).optional(),
  ownerId: z.uuid().optional(),
  unitId: z.uuid().optional().openapi({ description: 'Clients whose owner belongs to this unit' }),
  tag: z.string().max(50).optional(),
  q: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'Name, e-mail, phone, numbers (folded, partial)' }),
  sort: z
    .string()
    .regex(/^-?(createdAt|displayName|custom\.[a-z][a-z0-9_]{0,62})$/)
    .default('-createdAt')
    .openapi({ description: 'createdAt, displayName or custom.<key>; a leading - sorts descending' }),
}).catchall(z.string().max(200).openapi({ description: 'custom.<key>=value filters on custom fields' }));
export type TClientListQuery = z.infer<typeof ZClientListQuery>;

type TSortValue = string | number | boolean | null;

export type TSort = {
  /** What the rows are ordered by (the column itself where there is one, so an index serves it). */
  order: RawBuilder<TSortValue>;
  /** The value the cursor carries, as text or JSON. */
  key: RawBuilder<TSortValue>;
  /** A cursor's value turned back into something `order` compares with. */
  fromKey: (k: TSortValue) => RawBuilder<TSortValue>;
  /** Custom fields may be missing (they sort last); the columns never are. */
  nullable: boolean;
};

const same = (expr: RawBuilder<TSortValue>, nullable = true): TSort => ({
  order: expr,
  key: expr,
  fromKey: (k) => sql`${k}`,
  nullable,
});

// What a sort field orders by; custom fields are typed so that numbers and money sort as numbers.
export async function sortOf(tx: TTx, tenantId: string, field: string): Promise<TSort> {
  if (field === 'createdAt') {
    return {
      order: sql`clients.created_at`,
      key: sql`to_char(clients.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
      fromKey: (k) => sql`(${k}::timestamp at time zone 'UTC')`,
      nullable: false,
    };
  }
  if (field === 'displayName') return same(sql`clients.display_name`, false);
  const key = field.slice('custom.'.length);
  const def = (await listDefinitions(tx, tenantId, 'client')).find((d) => d.key === key);
  if (!def) throw fieldError('sort', 'unknown', `no custom field ${key}`);
  if (def.type === 'number') return same(sql`(clients.custom ->> ${key})::numeric`);
  if (def.type === 'money') return same(sql`(clients.custom -> ${key} ->> 'minor')::bigint`);
  if (def.type === 'yes_no') return same(sql`(clients.custom ->> ${key})::boolean`);
  return same(sql`clients.custom ->> ${key}`);
}

// Keyset condition after (k, id) for `order by expr <dir> nulls last, id asc`.
function after(sort: TSort, desc: boolean, k: TSortValue, id: string): RawBuilder<boolean> {
  const expr = sort.order;
  if (k === null) return sql<boolean>`(${expr} is null and clients.id > ${id})`;
  const at = sort.fromKey(k);
  const beyond = desc ? sql`${expr} < ${at}` : sql`${expr} > ${at}`;
  if (!sort.nullable) {
    // the first condition alone bounds an index range scan; the rest breaks ties
    const from = desc ? sql`${expr} <= ${at}` : sql`${expr} >= ${at}`;
    return sql<boolean>`(${from} and (${beyond} or clients.id > ${id}))`;
  }
  return sql<boolean>`(${beyond} or (${expr} = ${at} and clients.id > ${id}) or ${expr} is null)`;
}

/** The filters of the list and the export: everything in the query but the paging. */
export type TClientFilterQuery = Omit<TClientListQuery, 'cursor' | 'limit'>;

/**
 * The clients of the filter within the actor's scope (and the tenant: row-level security stays
 * underneath), selecting the id and the sort key `k`; the caller orders and limits.
 */
export async function filteredClients(
  tx: TTx,
  ctx: TContext,
  q: TClientFilterQuery,
  sort: TSort,
  action: 'view' | 'export' = 'view',
) {
  const scope = await resolveScope(tx, ctx.actor, 'clients', action);
  let query = tx
    .selectFrom('clients')
    .select(['clients.id', sort.key.as('k')])
    .where('clients.tenant_id', '=', ctx.actor.tenantId)
    .where('clients.deleted_at', 'is', null)
    .where((eb) => scopeWhere(eb, scope, CLIENT_SCOPE));
  if (q.status) query = query.where('clients.status', '=', q.status);
  if (q.clientType) query = query.where('clients.client_type', '=', q.clientType);
  if (q.source) query = query.where('clients.source', '=', q.source);
  if (q.ownerId) query = query.where('clients.owner_id', '=', q.ownerId);
  if (q.tag) query = query.where(sql<boolean>`${q.tag} = any(clients.tags)`);
  if (q.unitId) {
    const unitId = q.unitId;
    query = query.where('clients.owner_id', 'in', (eb) =>
      eb
        .selectFrom('users')
        .select('users.id')
        .where('users.tenant_id', '=', ctx.actor.tenantId)
        .where('users.unit_id', '=', unitId),
    );
  }
  for (const term of q.q ? searchTerms(q.q) : []) {
    query = query.where(sql<boolean>`clients.search_text like ${`%${term.replace(/[%_\\]/g, '\\$&')}%`}`);
  }
  for (const condition of await customFilters(tx, ctx.actor.tenantId, q))
    query = query.where(() => condition);
  return query;
}

/** How the rows of a sort field are ordered (nulls last, ties by id). */
export function orderOf(sort: TSort, desc: boolean) {
  return sql`${sort.order} ${sql.raw(desc ? 'desc' : 'asc')} nulls last`;
}

/** A page of clients in the actor's scope, filtered and sorted, with a cursor for the next. */
export async function listClients(deps: TDeps, ctx: TContext, q: TClientListQuery) {
  const cursor = decodeCursor(q.cursor);
  const desc = q.sort.startsWith('-');
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const sort = await sortOf(tx, ctx.actor.tenantId, q.sort.replace(/^-/, ''));
    let query = await filteredClients(tx, ctx, q, sort);
    if (cursor) query = query.where(after(sort, desc, cursor.k as TSortValue, String(cursor.id)));
    const rows = await query
      .orderBy(orderOf(sort, desc))
      .orderBy('clients.id', 'asc')
      .limit(q.limit + 1)
      .execute();
    const pageRows = rows.slice(0, q.limit);
    const last = pageRows.at(-1);
    return {
      items: await loadClients(
        tx,
        ctx.actor.tenantId,
        pageRows.map((r) => r.id),
      ),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.k as string, id: last.id }) : null,
    };
  });
}

// What a filter value must look like per field type; a cast in SQL would fail on anything else.
const VALUE_FORMS: Partial<Record<TCustomFieldType, RegExp>> = {
  number: /^-?\d{1,15}(\.\d{1,10})?$/,
  money: /^-?\d{1,15}$/,
  yes_no: /^(true|false)$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

// `custom.<key>=value`: equality on the field's value; multi-choice matches one of its options;
// money compares minor units. Checked against the tenant's definitions first (unknown → 400).
async function customFilters(
  tx: TTx,
  tenantId: string,
  q: TClientFilterQuery,
): Promise<Expression<SqlBool>[]> {
  const wanted = Object.entries(q).filter(([k]) => k.startsWith('custom.'));
  if (wanted.length === 0) return [];
  const defs = new Map((await listDefinitions(tx, tenantId, 'client')).map((d) => [d.key, d]));
  return wanted.map(([param, raw]) => {
    const key = param.slice('custom.'.length);
    const value = String(raw);
    const def = defs.get(key);
    if (!def) throw fieldError(param, 'unknown', `no custom field ${key}`);
    const form = VALUE_FORMS[def.type];
    if (form && !form.test(value)) throw fieldError(param, 'invalid', `not a valid ${def.type} value`);
    if ((def.type === 'choice' || def.type === 'multi_choice') && !def.options?.includes(value))
      throw fieldError(param, 'invalid', `${value} is not an option of ${key}`);
    if (def.type === 'multi_choice') return sql<boolean>`clients.custom -> ${key} ? ${value}`;
    if (def.type === 'money') return sql<boolean>`(clients.custom -> ${key} ->> 'minor') = ${value}`;
    if (def.type === 'number') return sql<boolean>`(clients.custom ->> ${key})::numeric = ${value}::numeric`;
    return sql<boolean>`clients.custom ->> ${key} = ${value}`;
  });
}
