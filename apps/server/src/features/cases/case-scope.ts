import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { TScopeColumns, TScopeFilter } from '../../platform/access';
import { scopeWhere } from '../../platform/access';
import type { TTx } from '../../platform/tx';

// biome-ignore lint/suspicious/noExplicitAny: used inside queries on cases under any alias
type TEb = ExpressionBuilder<any, any>;

/**
 * "Own" cases: those a user owns, executes or co-executes (and, through the scope resolver, those
 * of users they substitute for, or of the users of their units for team and subtree scopes).
 */
export const CASE_SCOPE: TScopeColumns = {
  users: ['cases.owner_id', 'cases.executor_id'],
  via: (eb: TEb, userIds: string[]) =>
    eb.exists(
      eb
        .selectFrom('case_co_executors as cx')
        .select('cx.case_id')
        .whereRef('cx.tenant_id', '=', 'cases.tenant_id')
        .whereRef('cx.case_id', '=', 'cases.id')
        .where('cx.user_id', 'in', userIds),
    ),
};

/**
 * A client is reached by owning it, or by working on one of its cases (as main client or as an
 * applicant): the executor of a case sees its client and the whole history.
 */
export const CLIENT_SCOPE: TScopeColumns = {
  users: ['clients.owner_id'],
  via: (eb: TEb, userIds: string[]) =>
    eb.exists(
      eb
        .selectFrom('cases as c')
        .select('c.id')
        .whereRef('c.tenant_id', '=', 'clients.tenant_id')
        .where((w: TEb) =>
          w.or([
            w('c.client_id', '=', w.ref('clients.id')),
            w.exists(
              w
                .selectFrom('case_applicants as ca')
                .select('ca.case_id')
                .whereRef('ca.tenant_id', '=', 'c.tenant_id')
                .whereRef('ca.case_id', '=', 'c.id')
                .whereRef('ca.client_id', '=', 'clients.id'),
            ),
          ]),
        )
        .where('c.deleted_at', 'is', null)
        .where((w: TEb) =>
          w.or([
            w('c.owner_id', 'in', userIds),
            w('c.executor_id', 'in', userIds),
            w.exists(
              w
                .selectFrom('case_co_executors as cx')
                .select('cx.case_id')
                .whereRef('cx.tenant_id', '=', 'c.tenant_id')
                .whereRef('cx.case_id', '=', 'c.id')
                .where('cx.user_id', 'in', userIds),
            ),
          ]),
        ),
    ),
};

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
