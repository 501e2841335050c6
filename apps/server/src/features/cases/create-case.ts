import { firstStage } from '@kontor/domain';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError } from '../../platform/errors';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { validateCustom } from '../custom-fields/custom-fields';
import { loadPipelines } from '../pipelines/pipelines.repository';
import { checkClients, checkOwnerScope, checkUsers, notifyExecutor } from './case-people';
import {
  caseSearchText,
  loadCases,
  nextCaseNumber,
  recordStageMove,
  replaceApplicants,
  replaceCoExecutors,
} from './cases.repository';
import { type TCreateCase, ZCreateCase } from './cases.schemas';

async function pipelineFor(tx: TTx, tenantId: string, input: TCreateCase) {
  const pipelines = await loadPipelines(tx, tenantId);
  const pipeline = input.pipelineId
    ? pipelines.find((p) => p.id === input.pipelineId)
    : pipelines.find((p) => p.productKind === input.productKind && p.isDefault);
  if (!pipeline) {
    throw input.pipelineId
      ? fieldError('pipelineId', 'unknown', 'unknown pipeline')
      : fieldError('productKind', 'no_pipeline', `no pipeline for ${input.productKind}; create one first`);
  }
  if (pipeline.productKind !== input.productKind)
    throw fieldError('pipelineId', 'mismatch', 'the pipeline is for another product kind');
  return pipeline;
}

/** Amount and property value share the case's currency. */
export function moneyColumns(amount: TCreateCase['amount'], propertyValue: TCreateCase['propertyValue']) {
  if (propertyValue && !amount)
    throw fieldError('amount', 'required', 'give the amount with the property value');
  if (propertyValue && amount && propertyValue.currency !== amount.currency) {
    throw fieldError('propertyValue.currency', 'mismatch', 'use the currency of the amount');
  }
  return {
    amount_minor: amount?.minor ?? null,
    currency: amount?.currency ?? null,
    property_value_minor: propertyValue?.minor ?? null,
  };
}

/** Opens a case in the first stage of the default pipeline of its kind (or the one named). */
export async function createCase(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateCase, raw);
  const money = moneyColumns(input.amount, input.propertyValue);
  const result = await inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const tenantId = ctx.actor.tenantId;
    const scope = await resolveScope(tx, ctx.actor, 'cases', 'create');
    const ownerId = input.ownerId ?? ctx.actor.userId;
    const executorId = input.executorId ?? ownerId;
    checkOwnerScope(scope, ownerId);
    await checkUsers(tx, tenantId, {
      ownerId: [ownerId],
      executorId: [executorId],
      coExecutorIds: input.coExecutorIds ?? [],
    });
    const clientScope = await resolveScope(tx, ctx.actor, 'clients', 'view');
    await checkClients(tx, tenantId, clientScope, {
      clientId: [input.clientId],
      applicants: (input.applicants ?? []).map((a) => a.clientId),
    });
    const pipeline = await pipelineFor(tx, tenantId, input);
    const stage = firstStage(pipeline)!;
    const custom = await validateCustom(tx, tenantId, 'case', input.custom ?? {}, true);
    const number = await nextCaseNumber(tx, tenantId);
    const client = await tx
      .selectFrom('clients')
      .select('display_name')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.clientId)
      .executeTakeFirstOrThrow();
    const row = await tx
      .insertInto('cases')
      .values({
        tenant_id: tenantId,
        number,
        client_id: input.clientId,
        product_kind: input.productKind,
        ...money,
        term_months: input.termMonths ?? null,
        purpose: input.purpose ?? '',
        lender: input.lender ?? null,
        product: input.product ?? null,
        platform_reference: input.platformReference ?? null,
        pipeline_id: pipeline.id,
        stage_key: stage.key,
        stage_values: JSON.stringify(input.stageValues ?? {}),
        owner_id: ownerId,
        executor_id: executorId,
        custom: JSON.stringify(custom),
        search_text: caseSearchText(
          number,
          input.platformReference,
          input.lender,
          input.product,
          client.display_name,
        ),
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const applicants = [
      { clientId: input.clientId, role: 'applicant' },
      ...(input.applicants ?? []).filter((a) => a.clientId !== input.clientId),
    ];
    await replaceApplicants(tx, tenantId, row.id, applicants);
    await replaceCoExecutors(tx, tenantId, row.id, input.coExecutorIds ?? []);
    await recordStageMove(tx, tenantId, {
      caseId: row.id,
      from: null,
      to: stage.key,
      lossReason: null,
      by: ctx.actor.userId,
      onBehalfOf: null,
    });
    const [created] = await loadCases(tx, tenantId, [row.id]);
    await recordAudit(tx, ctx, {
      entity: 'case',
      entityId: row.id,
      action: 'create',
      after: created,
      ownerUserIds: [ownerId, executorId],
    });
    const notified = await notifyExecutor(tx, deps, ctx, {
      id: row.id,
      number,
      clientName: client.display_name,
      executorId,
    });
    return { created: created!, notified };
  });
  if (result.notified) deps.wakeJobs();
  return result.created;
}
