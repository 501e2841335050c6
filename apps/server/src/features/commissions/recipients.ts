// Who statements are written to: users of the firm and outside partners and tipsters. A user's
// recipient row carries their rate group; everyone's carries what a statement prints.
import { searchableText, type TVatTreatment } from '@kontor/domain';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import { resolveScope, type TScopeFilter } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError, notFound } from '../../platform/errors';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { phoneticTokens } from '../search/phonetic';
import { type ZRecipient, ZRecipientBody, ZRecipientPatch } from './commissions.schemas';
import { decimal } from './money-format';

export type TRecipient = z.infer<typeof ZRecipient>;

type TRow = {
  id: string;
  kind: string;
  user_id: string | null;
  name: string;
  email: string | null;
  locale: string;
  address_lines: unknown;
  tax_number: string | null;
  vat_id: string | null;
  vat_mode: string;
  vat_note: string;
  vat_rate: string | null;
  self_billing: boolean;
  shows_client_data: boolean;
  rate_group_id: string | null;
  creditor_account: string | null;
};

export const vatOfRecipient = (r: TRecipient): TVatTreatment =>
  r.vat.mode === 'exempt' ? r.vat : { mode: 'added', ratePercent: r.vat.ratePercent };

export const toRecipient = (r: TRow): TRecipient => ({
  id: r.id,
  kind: r.kind as TRecipient['kind'],
  userId: r.user_id,
  name: r.name,
  email: r.email,
  locale: r.locale as TRecipient['locale'],
  addressLines: r.address_lines as string[],
  taxNumber: r.tax_number,
  vatId: r.vat_id,
  vat:
    r.vat_mode === 'added'
      ? { mode: 'added', ratePercent: decimal(r.vat_rate ?? '0') }
      : { mode: 'exempt', note: r.vat_note },
  selfBilling: r.self_billing,
  showsClientData: r.shows_client_data,
  rateGroupId: r.rate_group_id,
  creditorAccount: r.creditor_account,
});

/** The recipients of the tenant (live ones), optionally only these ids. */
export function recipients(tx: TTx, tenantId: string) {
  return tx
    .selectFrom('commission_recipients')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null);
}

/**
 * The recipients a commission scope reaches: every one for "all"; otherwise the users in scope
 * (an advisor themself, a lead the people of their units). Partners are for "all" only.
 */
export async function recipientIdsInScope(
  tx: TTx,
  scope: TScopeFilter,
  tenantId: string,
): Promise<string[] | null> {
  if (scope.all) return null;
  if (scope.userIds.length === 0) return [];
  const rows = await recipients(tx, tenantId).select('id').where('user_id', 'in', scope.userIds).execute();
  return rows.map((r) => r.id);
}

// What the global search reads of a partner or tipster: folded name and e-mail, name sounds.
const searchColumns = (name: string, email: string | null) => ({
  search_text: searchableText([name, email, ...phoneticTokens(name.split(/\s+/))]),
});

/** The condition "recipient column within `recipientIdsInScope`'s answer": null admits all, [] none. */
export function recipientIn(
  // biome-ignore lint/suspicious/noExplicitAny: works on any table of the query
  eb: ExpressionBuilder<any, any>,
  column: string,
  ids: string[] | null,
): Expression<SqlBool> {
  if (ids === null) return sql<boolean>`true`;
  if (ids.length === 0) return sql<boolean>`false`;
  return eb(eb.ref(column), 'in', ids);
}

function rowOf(input: Partial<z.output<typeof ZRecipientPatch>>) {
  const vat = input.vat;
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.email !== undefined && { email: input.email }),
    ...(input.locale !== undefined && { locale: input.locale }),
    ...(input.addressLines !== undefined && { address_lines: JSON.stringify(input.addressLines) }),
    ...(input.taxNumber !== undefined && { tax_number: input.taxNumber }),
    ...(input.vatId !== undefined && { vat_id: input.vatId }),
    ...(vat !== undefined && {
      vat_mode: vat.mode,
      vat_note: vat.mode === 'exempt' ? vat.note : '',
      vat_rate: vat.mode === 'added' ? vat.ratePercent : null,
    }),
    ...(input.selfBilling !== undefined && { self_billing: input.selfBilling }),
    ...(input.showsClientData !== undefined && { shows_client_data: input.showsClientData }),
    ...(input.rateGroupId !== undefined && { rate_group_id: input.rateGroupId }),
    ...(input.creditorAccount !== undefined && { creditor_account: input.creditorAccount }),
  };
}

async function checkRefs(tx: TTx, tenantId: string, rateGroupId: string | null | undefined, userId?: string) {
  if (rateGroupId) {
    const g = await tx
      .selectFrom('rate_groups')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', rateGroupId)
      .executeTakeFirst();
    if (!g) throw fieldError('rateGroupId', 'not_found', 'no such rate group');
  }
  if (userId) {
    const u = await tx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!u) throw fieldError('userId', 'not_found', 'no such user');
  }
}

/** Lists the recipients in the actor's commission scope, by name. */
export async function listRecipients(deps: TDeps, ctx: TContext) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'commissions', 'view');
    const ids = await recipientIdsInScope(tx, scope, tenantId);
    const rows = await recipients(tx, tenantId)
      .where((eb) => recipientIn(eb, 'id', ids))
      .orderBy('name')
      .orderBy('id')
      .execute();
    return { items: rows.map(toRecipient) };
  });
}

/** Creates a recipient (a user of the firm, or a partner or tipster); audited. */
export async function createRecipient(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZRecipientBody, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const userId = input.kind === 'user' ? input.userId : undefined;
    await checkRefs(tx, tenantId, input.rateGroupId, userId);
    const row = await tx
      .insertInto('commission_recipients')
      .values({
        tenant_id: tenantId,
        kind: input.kind,
        user_id: userId ?? null,
        name: input.name,
        ...rowOf(input),
        ...searchColumns(input.name, input.email),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toRecipient(row);
    await recordAudit(tx, ctx, { entity: 'commission_recipient', entityId: row.id, action: 'create', after });
    return after;
  });
}

/** Changes a recipient; statements already final keep what they printed. */
export async function updateRecipient(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZRecipientPatch, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const before = await recipients(tx, tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('recipient');
    await checkRefs(tx, tenantId, input.rateGroupId);
    const row = await tx
      .updateTable('commission_recipients')
      .set({
        ...rowOf(input),
        ...searchColumns(input.name ?? before.name, input.email !== undefined ? input.email : before.email),
        updated_at: new Date(),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toRecipient(row);
    await recordAudit(tx, ctx, {
      entity: 'commission_recipient',
      entityId: id,
      action: 'update',
      before: toRecipient(before),
      after,
    });
    return after;
  });
}
