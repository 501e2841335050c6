import { z } from '@hono/zod-openapi';
import {
  ZConsentProof as CConsentProof,
  CONSENT_CHANNELS,
  ZRecordConsent as CRecordConsent,
  LEGAL_BASES,
} from '@kontor/contracts';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { iso } from '../../platform/schemas';
import { inTenant } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { clientInScope } from './clients.repository';

// B10: consent is a log. Every grant and every withdrawal is a new record; nothing is edited or
// deleted through the API (the database refuses edits too, see 0007), so the log stays evidence.

// The request body lives in @kontor/contracts (the web app checks it as the user types); here it
// gets its OpenAPI component names. strictObject keeps unknown keys refused.
export { CONSENT_CHANNELS, LEGAL_BASES } from '@kontor/contracts';

const ZProof = z
  .strictObject(CConsentProof.shape)
  .openapi('ConsentProof', { description: 'Evidence, e.g. of a double opt-in: { confirmedAt, ip, token }' });

export const ZRecordConsent = z
  .strictObject({ ...CRecordConsent.shape, proof: ZProof.optional() })
  .openapi('RecordConsent');

export const ZConsent = z
  .object({
    id: z.uuid(),
    purpose: z.string(),
    channel: z.enum(CONSENT_CHANNELS),
    granted: z.boolean(),
    legalBasis: z.enum(LEGAL_BASES),
    source: z.string(),
    wordingVersion: z.string(),
    proof: z.record(z.string(), z.unknown()),
    recordedAt: z.string(),
    recordedBy: z.uuid().nullable(),
  })
  .openapi('Consent');
type TConsent = z.infer<typeof ZConsent>;

export const ZConsentLog = z
  .object({
    items: z.array(ZConsent).openapi({ description: 'Every record, newest first' }),
    current: z.array(ZConsent).openapi({ description: 'The latest record per purpose and channel' }),
  })
  .openapi('ConsentLog');

type TConsentRow = {
  id: string;
  purpose: string;
  channel: string;
  granted: boolean;
  legal_basis: string;
  source: string;
  wording_version: string;
  proof: unknown;
  recorded_at: Date;
  recorded_by: string | null;
};

function present(r: TConsentRow): TConsent {
  return {
    id: r.id,
    purpose: r.purpose,
    channel: r.channel as TConsent['channel'],
    granted: r.granted,
    legalBasis: r.legal_basis as TConsent['legalBasis'],
    source: r.source,
    wordingVersion: r.wording_version,
    proof: (r.proof ?? {}) as Record<string, unknown>,
    recordedAt: iso(r.recorded_at),
    recordedBy: r.recorded_by,
  };
}

/** The latest record of each purpose and channel, from a log sorted newest first. */
export function currentConsents(newestFirst: TConsent[]): TConsent[] {
  const latest = new Map<string, TConsent>();
  for (const c of newestFirst) {
    const key = `${c.purpose}\u0000${c.channel}`;
    if (!latest.has(key)) latest.set(key, c);
  }
  return [...latest.values()].sort(
    (a, b) => a.purpose.localeCompare(b.purpose) || a.channel.localeCompare(b.channel),
  );
}

export async function listConsents(deps: TDeps, ctx: TContext, clientId: string) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'view');
    if (!(await clientInScope(tx, tenantId, clientId, scope))) throw notFound('client');
    const rows = await tx
      .selectFrom('consents')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('client_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const items = rows.map(present);
    return { items, current: currentConsents(items) };
  });
}

/**
 * Records a grant or a withdrawal. The time is the server's, never the caller's: a log whose
 * entries could be backdated would prove nothing.
 */
export async function recordConsent(deps: TDeps, ctx: TContext, clientId: string, raw: unknown) {
  const input = parseInput(ZRecordConsent, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'edit');
    const client = await clientInScope(tx, tenantId, clientId, scope);
    if (!client) throw notFound('client');
    const row = await tx
      .insertInto('consents')
      .values({
        tenant_id: tenantId,
        client_id: clientId,
        purpose: input.purpose,
        channel: input.channel,
        granted: input.granted,
        legal_basis: input.legalBasis,
        source: input.source,
        wording_version: input.wordingVersion,
        proof: JSON.stringify(input.proof ?? {}),
        recorded_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const consent = present(row);
    await recordAudit(tx, ctx, {
      entity: 'consent',
      entityId: row.id,
      action: input.granted ? 'grant' : 'withdraw',
      after: { clientId, ...consent },
      ownerUserIds: [client.owner_id],
    });
    return consent;
  });
}
