import type { TLocale } from '@kontor/contracts';
import { inScope, scopeWhere, type TScopeFilter } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError } from '../../platform/errors';
import { messages } from '../../platform/i18n';
import { enqueueJob } from '../../platform/jobs';
import type { TTx } from '../../platform/tx';
import { CLIENT_SCOPE } from './case-scope';

/** Checks that every named user is active in the tenant; names the field of the first that is not. */
export async function checkUsers(tx: TTx, tenantId: string, byField: Record<string, string[]>) {
  const all = [...new Set(Object.values(byField).flat())];
  if (all.length === 0) return;
  const found = await tx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', all)
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .execute();
  const active = new Set(found.map((u) => u.id));
  for (const [field, ids] of Object.entries(byField)) {
    if (ids.some((id) => !active.has(id))) throw fieldError(field, 'unknown', 'unknown or inactive user');
  }
}

/** The owner must be someone whose records the actor may create or assign. */
export function checkOwnerScope(scope: TScopeFilter, ownerId: string) {
  if (!inScope(scope, [ownerId], null)) throw new AppError('forbidden', 'the owner is outside your scope');
}

/** Checks that the clients exist and are visible to the actor; names the field of the first that is not. */
export async function checkClients(
  tx: TTx,
  tenantId: string,
  scope: TScopeFilter,
  byField: Record<string, string[]>,
) {
  const all = [...new Set(Object.values(byField).flat())];
  if (all.length === 0) return;
  const found = await tx
    .selectFrom('clients')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', all)
    .where('deleted_at', 'is', null)
    .where((eb) => scopeWhere(eb, scope, CLIENT_SCOPE))
    .execute();
  const visible = new Set(found.map((c) => c.id));
  for (const [field, ids] of Object.entries(byField)) {
    if (ids.some((id) => !visible.has(id))) throw fieldError(field, 'unknown', 'unknown client');
  }
}

/**
 * Queues the e-mail that tells a new executor about their case, with a direct link, in their
 * language; in the same transaction as the assignment, so it goes out exactly when that commits.
 */
export async function notifyExecutor(
  tx: TTx,
  deps: TDeps,
  ctx: TContext,
  c: { id: string; number: string; clientName: string; executorId: string },
) {
  if (c.executorId === ctx.actor.userId) return false;
  const user = await tx
    .selectFrom('users')
    .select(['email', 'display_name', 'locale'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', c.executorId)
    .executeTakeFirstOrThrow();
  const m = messages(user.locale as TLocale).mail;
  const link = `${deps.config.publicUrl}/cases/${c.id}`;
  await enqueueJob(tx, {
    tenantId: ctx.actor.tenantId,
    kind: 'mail.send',
    payload: {
      to: user.email,
      subject: m.caseAssignedSubject({ number: c.number }),
      text: m.caseAssignedBody({
        name: user.display_name,
        number: c.number,
        client: c.clientName,
        by: ctx.actor.displayName,
        link,
      }),
    },
  });
  return true;
}
