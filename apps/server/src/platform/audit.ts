import { actingFor, type TActor } from './access';
import type { TTx } from './tx';

/** What every use-case receives about the request besides its input. */
export type TContext = { actor: TActor; requestId: string; ip: string | null };

const SECRET_KEYS = new Set([
  'password_hash',
  'passwordHash',
  'totp_secret',
  'secret_hash',
  'token_hash',
  'csrf_token',
  'code_hash',
]);

/** A copy of a record fit for the audit trail: secrets removed, dates as ISO strings. */
export function auditable(record: unknown): unknown {
  if (record === null || record === undefined) return null;
  return JSON.parse(JSON.stringify(record, (key, value) => (SECRET_KEYS.has(key) ? '[redacted]' : value)));
}

export type TAuditEntry = {
  entity: string;
  entityId: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  /** The user(s) the record belongs to; used for scope and to see whom a substitute acted for. */
  ownerUserIds?: (string | null)[];
  unitId?: string | null;
};

/** Records one change in the same transaction as the change itself. */
export async function recordAudit(tx: TTx, ctx: TContext, entry: TAuditEntry): Promise<void> {
  const owners = entry.ownerUserIds ?? [];
  await insertAudit(tx, {
    tenantId: ctx.actor.tenantId,
    actorUserId: ctx.actor.userId,
    onBehalfOf: actingFor(ctx.actor, owners),
    apiKeyId: ctx.actor.apiKeyId,
    requestId: ctx.requestId,
    ip: ctx.ip,
    ...entry,
  });
}

export type TRawAudit = TAuditEntry & {
  tenantId: string;
  actorUserId: string | null;
  onBehalfOf?: string | null;
  apiKeyId?: string | null;
  requestId: string | null;
  ip: string | null;
};

/** Records a change made without a signed-in actor: sign-in events, the command line. */
export async function insertAudit(tx: TTx, e: TRawAudit): Promise<void> {
  const owners = e.ownerUserIds ?? [];
  await tx
    .insertInto('audit_log')
    .values({
      tenant_id: e.tenantId,
      actor_user_id: e.actorUserId,
      on_behalf_of_user_id: e.onBehalfOf ?? null,
      api_key_id: e.apiKeyId ?? null,
      entity: e.entity,
      entity_id: e.entityId,
      action: e.action,
      before: e.before === undefined ? null : JSON.stringify(auditable(e.before)),
      after: e.after === undefined ? null : JSON.stringify(auditable(e.after)),
      request_id: e.requestId,
      ip: e.ip,
      owner_user_id: owners.find((o) => o !== null) ?? null,
      unit_id: e.unitId ?? null,
    })
    .execute();
}
