import type { TLocale } from '@kontor/contracts';
import { sql } from 'kysely';
import { insertAudit } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { messages } from '../../platform/i18n';
import { enqueueJob } from '../../platform/jobs';
import { hashPassword, randomToken, sha256 } from '../../platform/security';
import { asSystem } from '../../platform/tx';

export const RESET_MINUTES = 60;

type TMeta = { requestId: string; ip: string | null };

/**
 * Sends a single-use reset link when the tenant and e-mail belong to an active user. Answers the
 * same either way, so the endpoint tells nobody which addresses exist.
 */
export async function requestPasswordReset(
  deps: TDeps,
  input: { tenant: string; email: string },
  meta: TMeta,
) {
  const token = randomToken();
  const queued = await asSystem(deps.database, async (tx) => {
    const user = await tx
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select([
        'users.tenant_id',
        'users.id',
        'users.email',
        'users.display_name',
        'users.locale',
        'tenants.slug',
      ])
      .where('tenants.slug', '=', input.tenant.trim().toLowerCase())
      .where('users.email', '=', input.email.trim().toLowerCase())
      .where('users.status', '=', 'active')
      .where('users.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!user) return false;
    await tx
      .insertInto('password_resets')
      .values({
        tenant_id: user.tenant_id,
        user_id: user.id,
        token_hash: sha256(token),
        expires_at: sql`now() + make_interval(mins => ${RESET_MINUTES})`,
      })
      .execute();
    const link = `${deps.config.publicUrl}/reset-password?tenant=${encodeURIComponent(user.slug)}&token=${token}`;
    const m = messages(user.locale as TLocale).mail;
    await enqueueJob(tx, {
      tenantId: user.tenant_id,
      kind: 'mail.send',
      payload: {
        to: user.email,
        subject: m.resetSubject,
        text: m.resetBody({ name: user.display_name, link, minutes: RESET_MINUTES }),
      },
    });
    await insertAudit(tx, {
      tenantId: user.tenant_id,
      actorUserId: null,
      requestId: meta.requestId,
      ip: meta.ip,
      entity: 'user',
      entityId: user.id,
      action: 'password_reset_requested',
      ownerUserIds: [user.id],
    });
    return true;
  });
  if (queued) deps.wakeJobs();
}

/** Sets a new password with a reset token; the token works once, and every session ends. */
export async function confirmPasswordReset(
  deps: TDeps,
  input: { tenant: string; token: string; password: string },
  meta: TMeta,
) {
  const passwordHash = await hashPassword(input.password);
  await asSystem(deps.database, async (tx) => {
    const reset = await tx
      .updateTable('password_resets')
      .set({ used_at: sql`now()` })
      .from('tenants')
      .whereRef('tenants.id', '=', 'password_resets.tenant_id')
      .where('tenants.slug', '=', input.tenant.trim().toLowerCase())
      .where('password_resets.token_hash', '=', sha256(input.token))
      .where('password_resets.used_at', 'is', null)
      .where('password_resets.expires_at', '>', sql<Date>`now()`)
      .returning(['password_resets.tenant_id', 'password_resets.user_id'])
      .executeTakeFirst();
    if (!reset) throw new AppError('token_invalid');
    await tx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: sql`now()`,
        failed_logins: 0,
        locked_until: null,
      })
      .where('tenant_id', '=', reset.tenant_id)
      .where('id', '=', reset.user_id)
      .execute();
    await tx
      .deleteFrom('sessions')
      .where('tenant_id', '=', reset.tenant_id)
      .where('user_id', '=', reset.user_id)
      .execute();
    await insertAudit(tx, {
      tenantId: reset.tenant_id,
      actorUserId: reset.user_id,
      requestId: meta.requestId,
      ip: meta.ip,
      entity: 'user',
      entityId: reset.user_id,
      action: 'password_reset',
      ownerUserIds: [reset.user_id],
    });
  });
}
