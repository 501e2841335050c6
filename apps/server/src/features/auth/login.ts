import { sql } from 'kysely';
import * as OTPAuth from 'otpauth';
import { insertAudit } from '../../platform/audit';
import { SESSION_HOURS } from '../../platform/authenticate';
import type { TDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { randomToken, sha256, verifyPassword } from '../../platform/security';
import { asSystem } from '../../platform/tx';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type TLoginInput = {
  tenant: string;
  email: string;
  password: string;
  totp?: string | undefined;
  recoveryCode?: string | undefined;
};
export type TLoginMeta = { requestId: string; ip: string | null; userAgent: string | null };

/** The TOTP of a user's secret, as authenticator apps compute it (30 s, 6 digits, SHA-1). */
export function totpFor(secret: string, label: string) {
  return new OTPAuth.TOTP({ issuer: 'Kontor', label, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** The time step a TOTP code belongs to (±1 step of clock drift), or null when it matches none. */
export function totpStepOf(secret: string, label: string, code: string): number | null {
  const delta = totpFor(secret, label).validate({ token: code.trim(), window: 1 });
  return delta === null ? null : Math.floor(Date.now() / 30_000) + delta;
}

/**
 * Signs a user in. Wrong tenant, unknown e-mail, wrong password and a locked account all answer
 * the same 401; five failures in a row lock the account for 15 minutes.
 */
export async function login(deps: TDeps, input: TLoginInput, meta: TLoginMeta) {
  const email = input.email.trim().toLowerCase();
  const found = await asSystem(deps.database, (tx) =>
    tx
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select([
        'users.tenant_id',
        'users.id',
        'users.password_hash',
        'users.locked_until',
        'users.failed_logins',
        'users.totp_secret',
        'users.totp_enabled_at',
        'users.totp_last_step',
        'users.email',
      ])
      .where('tenants.slug', '=', input.tenant.trim().toLowerCase())
      .where('users.email', '=', email)
      .where('users.status', '=', 'active')
      .where('users.deleted_at', 'is', null)
      .executeTakeFirst(),
  );
  const passwordOk = await verifyPassword(found?.password_hash ?? null, input.password);
  if (!found) throw new AppError('invalid_credentials');
  const audit = {
    tenantId: found.tenant_id,
    requestId: meta.requestId,
    ip: meta.ip,
    entity: 'user',
    entityId: found.id,
    ownerUserIds: [found.id],
  };
  const locked = found.locked_until !== null && found.locked_until.getTime() > Date.now();
  if (locked) {
    await asSystem(deps.database, (tx) =>
      insertAudit(tx, { ...audit, actorUserId: null, action: 'login_refused_locked' }),
    );
    throw new AppError('invalid_credentials');
  }
  let secondFactorOk = true;
  let totpStep: number | null = null;
  if (passwordOk && found.totp_enabled_at && found.totp_secret) {
    if (input.totp) {
      totpStep = totpStepOf(found.totp_secret, found.email, input.totp);
      // A code works once: a step at or before the last one used is a replay.
      secondFactorOk = totpStep !== null && totpStep > (found.totp_last_step ?? -1);
    } else if (input.recoveryCode) {
      secondFactorOk = await asSystem(deps.database, async (tx) => {
        const used = await tx
          .updateTable('recovery_codes')
          .set({ used_at: sql`now()` })
          .where('tenant_id', '=', found.tenant_id)
          .where('user_id', '=', found.id)
          .where('code_hash', '=', sha256(normaliseRecoveryCode(input.recoveryCode!)))
          .where('used_at', 'is', null)
          .executeTakeFirst();
        return Number(used.numUpdatedRows) === 1;
      });
    } else {
      throw new AppError('second_factor_required');
    }
  }
  if (!passwordOk || !secondFactorOk) {
    await asSystem(deps.database, async (tx) => {
      const failures = found.failed_logins + 1;
      const lock = failures >= MAX_FAILED_LOGINS;
      await tx
        .updateTable('users')
        .set({
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? sql`now() + make_interval(mins => ${LOCK_MINUTES})` : null,
        })
        .where('tenant_id', '=', found.tenant_id)
        .where('id', '=', found.id)
        .execute();
      await insertAudit(tx, {
        ...audit,
        actorUserId: null,
        action: lock ? 'login_failed_locked' : 'login_failed',
      });
    });
    throw new AppError('invalid_credentials');
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  await asSystem(deps.database, async (tx) => {
    // Only a user with failures on record, or a TOTP step to remember, needs the write (and its lock).
    if (found.failed_logins > 0 || found.locked_until !== null || totpStep !== null) {
      await tx
        .updateTable('users')
        .set({
          failed_logins: 0,
          locked_until: null,
          ...(totpStep !== null ? { totp_last_step: totpStep } : {}),
        })
        .where('tenant_id', '=', found.tenant_id)
        .where('id', '=', found.id)
        .execute();
    }
    await tx
      .insertInto('sessions')
      .values({
        tenant_id: found.tenant_id,
        user_id: found.id,
        token_hash: sha256(token),
        csrf_token: csrfToken,
        expires_at: sql`now() + make_interval(hours => ${SESSION_HOURS})`,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
    await insertAudit(tx, { ...audit, actorUserId: found.id, action: 'login' });
  });
  return { token, csrfToken, tenantId: found.tenant_id, userId: found.id };
}

/** Recovery codes are compared without dashes, spaces or case. */
export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}
