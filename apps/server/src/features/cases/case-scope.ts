import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { TScopeColumns, TScopeFilter } from '../../platform/access';
import { scopeWhere } from '../../platform/access';
import type { TTx } from '../../platform/tx';

// biome-ignore lint/suspicious/noExplicitAny: used inside queries on cases under any alias
type TEb = ExpressionBuilder<any, any>;

// The cases of the tenant that one of the users co-executes (a set, built once per query).
const coExecuted = (eb: TEb, userIds: string[], tenantId: string) =>
  eb
    .selectFrom('case_co_executors as cx')
    .select('cx.case_id')
    .where('cx.tenant_id', '=', tenantId)
    .where('cx.user_id', 'in', userIds);

/**
 * "Own" cases: those a user owns, executes or co-executes (and, through the scope resolver, those
 * of users they substitute for, or of the users of their units for team and subtree scopes).
 */
export const CASE_SCOPE: TScopeColumns = {
  users: ['cases.owner_id', 'cases.executor_id'],
  via: (eb: TEb, userIds: string[], tenantId: string) =>
    eb('cases.id', 'in', coExecuted(eb, userIds, tenantId)),
};

// Up to this many users in scope (one's own and a few absent colleagues'), the clients they reach
// are gathered once into a hashed set; a larger scope (a team, a branch) would make that set too
// big for work_mem, so it probes client_reach per candidate client instead.
const GATHER_UP_TO = 5;

/**
 * A client is reached by owning it, or by working on one of its live cases (as main client or as
 * an applicant): the executor of a case sees its client and the whole history. Who works which
 * client's cases is kept in client_reach by triggers (migration 0008).
 *
 * Either way a list walks its covering index in order (migration 0009) and stops at the page's
 * end: an advisor's first page reads ~12,000 index entries against a hashed set of ~3,600
 * clients (4 ms), a branch lead's ~750 entries with a probe each (6 ms), on the bench's firm.
 */
export const CLIENT_SCOPE: TScopeColumns = {
  users: ['clients.owner_id'],
  via: (_eb: TEb, userIds: string[], tenantId: string) => {
    const users = sql`${userIds}::uuid[]`;
    if (userIds.length <= GATHER_UP_TO) {
      return sql<SqlBool>`clients.id in (
        select r.client_id from client_reach r where r.tenant_id = ${tenantId} and r.user_id = any(${users}))`;
    }
    return sql<SqlBool>`exists (select 1 from client_reach r
      where r.tenant_id = clients.tenant_id and r.client_id = clients.id and r.user_id = any(${users}))`;
  },
};

/**
 * For a scope of a few users: every client id in it, as one array the query can look up by primary
 * key. A search adds it beside CLIENT_SCOPE so that an advisor's typeahead reads their ~5,000
 * clients instead of every match of a common name in the firm; null for larger scopes.
 */
const isSmall = (scope: TScopeFilter): scope is Extract<TScopeFilter, { all: false }> =>
  !scope.all && scope.unitIds.length === 0 && scope.userIds.length <= GATHER_UP_TO;

export function clientIdsOfSmallScope(scope: TScopeFilter): RawBuilder<SqlBool> | null {
  if (!isSmall(scope)) return null;
  const users = sql`${scope.userIds}::uuid[]`;
  return sql<SqlBool>`clients.id = any(array(
    select c.id from clients c where c.tenant_id = ${scope.tenantId} and c.owner_id = any(${users}) and c.deleted_at is null
    union
    select r.client_id from client_reach r where r.tenant_id = ${scope.tenantId} and r.user_id = any(${users})))`;
}

/** The same for cases: those the few users own, execute or co-execute. */
export function caseIdsOfSmallScope(scope: TScopeFilter): RawBuilder<SqlBool> | null {
  if (!isSmall(scope)) return null;
  const users = sql`${scope.userIds}::uuid[]`;
  return sql<SqlBool>`cases.id = any(array(
    select c.id from cases c where c.tenant_id = ${scope.tenantId} and c.owner_id = any(${users}) and c.deleted_at is null
    union
    select c.id from cases c where c.tenant_id = ${scope.tenantId} and c.executor_id = any(${users}) and c.deleted_at is null
    union
    select x.case_id from case_co_executors x where x.tenant_id = ${scope.tenantId} and x.user_id = any(${users})))`;
}

/**
 * The ids of a client's cases, as main client or applicant: one union of two index lookups. An
 * `or` of the two scanned every case of the tenant (0.5 s on a million clients).
 */
export function casesOfClient(eb: TEb, tenantId: string, clientId: string) {
  return eb
    .selectFrom('cases as main')
    .select('main.id')
    .where('main.tenant_id', '=', tenantId)
    .where('main.client_id', '=', clientId)
    .union(
      eb
        .selectFrom('case_applicants as ca')
        .select('ca.case_id as id')
        .where('ca.tenant_id', '=', tenantId)
        .where('ca.client_id', '=', clientId),
    );
}

/** The live case if it is inside the scope: its owner, executor and client, or undefined. */
export async function caseInScope(tx: TTx, tenantId: string, id: string, scope: TScopeFilter) {
  return tx
    .selectFrom('cases')
    .select(['cases.id', 'cases.owner_id', 'cases.executor_id', 'cases.client_id', 'cases.number'])
    .where('cases.tenant_id', '=', tenantId)
    .where('cases.id', '=', id)
    .where('cases.deleted_at', 'is', null)
    .where((eb) => scopeWhere(eb, scope, CASE_SCOPE))
    .executeTakeFirst();
}

/** The condition "case in scope" for joins from other tables (tasks, documents, activities). */
export function caseScopeWhere(eb: TEb, scope: TScopeFilter): Expression<SqlBool> {
  return scopeWhere(eb, scope, CASE_SCOPE);
}
