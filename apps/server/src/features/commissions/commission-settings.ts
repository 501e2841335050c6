// The firm's letterhead on statements and the accounts of the DATEV export, kept in the tenant's
// settings (one document per tenant, changed rarely, always audited).
import { z } from 'zod';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import type { TStatementDocument } from './statement-document';

export const ZCommissionSettings = z.object({
  firm: z
    .object({
      addressLines: z.array(z.string().trim().min(1).max(200)).max(6).default([]),
      vatId: z.string().trim().max(50).nullable().default(null),
      email: z.email().nullable().default(null),
    })
    .default({ addressLines: [], vatId: null, email: null }),
  datev: z
    .object({
      consultantNumber: z.number().int().min(1001).max(9999999).default(1001),
      clientNumber: z.number().int().min(1).max(99999).default(1),
      accountLength: z.number().int().min(4).max(8).default(4),
      fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
      expenseAccount: z
        .string()
        .regex(/^\d{1,9}$/)
        .default('4760'),
      defaultCreditorAccount: z
        .string()
        .regex(/^\d{1,9}$/)
        .default('70000'),
    })
    .default({
      consultantNumber: 1001,
      clientNumber: 1,
      accountLength: 4,
      fiscalYearStartMonth: 1,
      expenseAccount: '4760',
      defaultCreditorAccount: '70000',
    }),
});
export type TCommissionSettings = z.output<typeof ZCommissionSettings>;

async function read(tx: TTx, tenantId: string) {
  const t = await tx
    .selectFrom('tenants')
    .select(['name', 'settings'])
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const settings = (t.settings ?? {}) as { commissions?: unknown };
  return { name: t.name, all: settings, commissions: ZCommissionSettings.parse(settings.commissions ?? {}) };
}

/** The commission settings of the tenant (defaults where none were saved). */
export async function commissionSettings(tx: TTx, tenantId: string): Promise<TCommissionSettings> {
  return (await read(tx, tenantId)).commissions;
}

/** The firm as the statements print it. */
export async function firmOf(tx: TTx, tenantId: string): Promise<TStatementDocument['firm']> {
  const { name, commissions } = await read(tx, tenantId);
  return { name, ...commissions.firm };
}

export async function getCommissionSettings(deps: TDeps, ctx: TContext) {
  return inTenant(deps.database, ctx.actor.tenantId, (tx) => commissionSettings(tx, ctx.actor.tenantId));
}

/** Replaces the commission settings; audited. */
export async function saveCommissionSettings(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCommissionSettings, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const before = await read(tx, tenantId);
    await tx
      .updateTable('tenants')
      .set({ settings: JSON.stringify({ ...before.all, commissions: input }), updated_at: new Date() })
      .where('id', '=', tenantId)
      .execute();
    await recordAudit(tx, ctx, {
      entity: 'commission_settings',
      entityId: tenantId,
      action: 'update',
      before: before.commissions,
      after: input,
    });
    return input;
  });
}
