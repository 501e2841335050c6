import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError } from '../../platform/errors';
import { sha256, verifyPassword } from '../../platform/security';
import { inTenant } from '../../platform/tx';
import { normaliseRecoveryCode, totpFor, totpStepOf } from './login';

const RECOVERY_CODES = 10;

/** Starts TOTP enrolment: a new secret, not yet required at sign-in until it is verified. */
export async function enrolTotp(deps: TDeps, ctx: TContext) {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select('totp_enabled_at')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
    if (user.totp_enabled_at)
      throw new AppError('conflict', 'the second factor is already on; turn it off first');
    await tx
      .updateTable('users')
      .set({ totp_secret: secret })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', ctx.actor.userId)
      .execute();
    await recordAudit(tx, ctx, {
      entity: 'user',
      entityId: ctx.actor.userId,
      action: 'totp_enrol',
      ownerUserIds: [ctx.actor.userId],
    });
  });
  const totp = totpFor(secret, ctx.actor.email);
  return { secret, otpauthUri: totp.toString() };
}

/** Confirms enrolment with a current code; turns the factor on and hands out recovery codes once. */
export async function activateTotp(deps: TDeps, ctx: TContext, code: string) {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
    if (!user.totp_secret || user.totp_enabled_at) throw new AppError('conflict', 'start enrolment first');
    const step = totpStepOf(user.totp_secret, ctx.actor.email, code);
    if (step === null) throw fieldError('code', 'invalid', 'the code does not match');
    await tx
      .updateTable('users')
      .set({ totp_enabled_at: new Date(), totp_last_step: step })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', ctx.actor.userId)
      .execute();
    await tx
      .deleteFrom('recovery_codes')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('user_id', '=', ctx.actor.userId)
      .execute();
    await tx
      .insertInto('recovery_codes')
      .values(
        codes.map((c) => ({
          tenant_id: ctx.actor.tenantId,
          user_id: ctx.actor.userId,
          code_hash: sha256(normaliseRecoveryCode(c)),
        })),
      )
      .execute();
    await recordAudit(tx, ctx, {
      entity: 'user',
      entityId: ctx.actor.userId,
      action: 'totp_on',
      ownerUserIds: [ctx.actor.userId],
    });
  });
  return { recoveryCodes: codes };
}

/** Turns the second factor off; the password proves it is the user and not a stolen session. */
export async function disableTotp(deps: TDeps, ctx: TContext, password: string) {
  await inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select('password_hash')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, password)))
      throw fieldError('password', 'invalid', 'the password is wrong');
    await tx
      .updateTable('users')
      .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', ctx.actor.userId)
      .execute();
    await tx
      .deleteFrom('recovery_codes')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('user_id', '=', ctx.actor.userId)
      .execute();
    await recordAudit(tx, ctx, {
      entity: 'user',
      entityId: ctx.actor.userId,
      action: 'totp_off',
      ownerUserIds: [ctx.actor.userId],
    });
  });
}
