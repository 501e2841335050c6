import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { resolveScope, scopeWhere, type TScopeFilter } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import { fieldError, notFound } from '../../platform/errors';
import type { TTx } from '../../platform/tx';
import { CASE_SCOPE, CLIENT_SCOPE, caseInScope } from '../cases/case-scope';
import { clientInScope } from '../clients/clients.repository';

// biome-ignore lint/suspicious/noExplicitAny: used inside queries on activities and tasks
type TEb = ExpressionBuilder<any, any>;

/** Tables whose rows hang on a case or, without one, on a client. */
export type TWorkTable = 'activities' | 'tasks' | 'documents';

/**
 * A row hanging on a case is visible exactly when its case is (live and in scope); a row on a
 * client only, when the client is. `alsoUser` names a column of the row whose users see it
 * anyway while its case or client lives: a task's assignee always sees the task.
 */
export function workScopeWhere(
  eb: TEb,
  scope: TScopeFilter,
  table: TWorkTable,
  alsoUser?: 'assignee_id',
): Expression<SqlBool> {
  const orUser = (w: TEb, condition: Expression<SqlBool>) =>
    alsoUser && !scope.all && scope.userIds.length > 0
      ? w.or([condition, w(w.ref(`${table}.${alsoUser}`), 'in', scope.userIds)])
      : condition;
  const onCase = eb.exists(
    eb
      .selectFrom('cases')
      .select('cases.id')
      .whereRef('cases.tenant_id', '=', `${table}.tenant_id`)
      .whereRef('cases.id', '=', `${table}.case_id`)
      .where('cases.deleted_at', 'is', null)
      .where((w: TEb) => orUser(w, scopeWhere(w, scope, CASE_SCOPE))),
  );
  const onClient = eb.exists(
    eb
      .selectFrom('clients')
      .select('clients.id')
      .whereRef('clients.tenant_id', '=', `${table}.tenant_id`)
      .whereRef('clients.id', '=', `${table}.client_id`)
      .where('clients.deleted_at', 'is', null)
      .where((w: TEb) => orUser(w, scopeWhere(w, scope, CLIENT_SCOPE))),
  );
  // No case: the client decides (a row with a case never falls back to its client).
  return eb.or([onCase, eb.and([eb(`${table}.case_id`, 'is', null), onClient])]);
}

/** The case and client a new row hangs on, both in scope; their owners for audit and trash. */
export type TParent = {
  caseId: string | null;
  clientId: string | null;
  /** Owner and executor of the case, or the owner of the client. */
  ownerIds: string[];
};

/**
 * Checks the links of a new activity or task: the case and the client must be in the scope
 * (404 otherwise), and the case must be the client's, as main client or as an applicant.
 */
export async function resolveParent(
  tx: TTx,
  tenantId: string,
  scope: TScopeFilter,
  link: { caseId: string | null; clientId: string | null },
): Promise<TParent> {
  const kase = link.caseId ? await caseInScope(tx, tenantId, link.caseId, scope) : null;
  if (link.caseId && !kase) throw notFound('case');
  const client = link.clientId ? await clientInScope(tx, tenantId, link.clientId, scope) : null;
  if (link.clientId && !client) throw notFound('client');
  if (kase && link.clientId && !(await caseHasClient(tx, tenantId, kase, link.clientId))) {
    throw fieldError('caseId', 'other_client', 'the case is not one of this client’s cases');
  }
  const ownerIds = kase ? [kase.owner_id, kase.executor_id] : client ? [client.owner_id] : [];
  return { caseId: link.caseId, clientId: link.clientId, ownerIds };
}

async function caseHasClient(
  tx: TTx,
  tenantId: string,
  kase: { id: string; client_id: string },
  clientId: string,
) {
  if (kase.client_id === clientId) return true;
  const applicant = await tx
    .selectFrom('case_applicants')
    .select('client_id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', kase.id)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return applicant !== undefined;
}

/** Owners of the case a row hangs on, or else of its client (for audit and trash entries). */
export async function ownersOf(
  tx: TTx,
  tenantId: string,
  link: { case_id: string | null; client_id: string | null },
): Promise<string[]> {
  if (link.case_id) {
    const c = await tx
      .selectFrom('cases')
      .select(['owner_id', 'executor_id'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', link.case_id)
      .executeTakeFirst();
    return c ? [c.owner_id, c.executor_id] : [];
  }
  if (!link.client_id) return [];
  const c = await tx
    .selectFrom('clients')
    .select('owner_id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', link.client_id)
    .executeTakeFirst();
  return c ? [c.owner_id] : [];
}

/** A user a record may be given to: active and not deleted; a field error otherwise. */
export async function checkActiveUser(tx: TTx, tenantId: string, userId: string, field: string) {
  const user = await tx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw fieldError(field, 'unknown', 'unknown or inactive user');
}

/** A live case in the actor's scope for the action on cases (comments, checklists); 404 otherwise. */
export async function caseForWork(
  tx: TTx,
  ctx: TContext,
  caseId: string,
  action: 'view' | 'edit' | 'delete',
) {
  const scope = await resolveScope(tx, ctx.actor, 'cases', action);
  const kase = await caseInScope(tx, ctx.actor.tenantId, caseId, scope);
  if (!kase) throw notFound('case');
  return kase;
}
