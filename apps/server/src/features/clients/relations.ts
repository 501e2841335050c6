import { z } from '@hono/zod-openapi';
import { ZCreateRelation as CCreateRelation, RELATION_DIRECTIONS, RELATION_KINDS } from '@kontor/contracts';
import { sql } from 'kysely';
import { resolveScope, scopeWhere, type TScopeFilter } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { iso } from '../../platform/schemas';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { CLIENT_SCOPE, clientInScope } from './clients.repository';

// B6: one row per relation, "client_id is <kind> of related_client_id", read from both ends.

export { RELATION_DIRECTIONS, RELATION_KINDS } from '@kontor/contracts';
export type TRelationKind = (typeof RELATION_KINDS)[number];

// The role of the client whose relations are read, when the relation points at it.
const INCOMING_LABEL: Record<TRelationKind, string> = {
  household_member: 'household_member',
  employer: 'employee_of',
  representative: 'represented_by',
  guarantor: 'guaranteed_by',
};

// A household has no direction: A–B and B–A are one relation (a unique index of 0007 agrees).
const SYMMETRIC = new Set<string>(['household_member']);

/** The identity of a relation: the same key twice is a duplicate. */
export function relationKey(kind: string, from: string, to: string): string {
  const [a, b] = SYMMETRIC.has(kind) && from > to ? [to, from] : [from, to];
  return `${kind}:${a}:${b}`;
}

// A relation leaves for the trash alone; a client's trash entry takes its relations along.
export const CLIENT_RELATION_TRASH = registerTrashable({
  entity: 'client_relation',
  table: 'client_relations',
  dependents: [],
});

// The request body lives in @kontor/contracts (the web app checks it as the user types).
export const ZCreateRelation = z.strictObject(CCreateRelation.shape).openapi('CreateClientRelation');

export const ZClientRelation = z
  .object({
    id: z.uuid(),
    kind: z.enum(RELATION_KINDS),
    direction: z.enum(RELATION_DIRECTIONS),
    label: z.string().openapi({
      description:
        'The role of this client towards the related one: household_member, employer / employee_of, representative / represented_by, guarantor / guaranteed_by',
    }),
    relatedClient: z.object({
      id: z.uuid().nullable().openapi({ description: 'null when that client is outside your scope' }),
      displayName: z.string().nullable(),
    }),
    note: z.string(),
    createdAt: z.string(),
  })
  .openapi('ClientRelation');
export type TClientRelation = z.infer<typeof ZClientRelation>;

type TRelationRow = {
  id: string;
  client_id: string;
  related_client_id: string;
  kind: string;
  note: string;
  created_at: Date;
};

function present(r: TRelationRow, clientId: string, other: { name: string; visible: boolean }) {
  const kind = r.kind as TRelationKind;
  const outgoing = r.client_id === clientId;
  return {
    id: r.id,
    kind,
    direction: outgoing ? 'outgoing' : 'incoming',
    label: outgoing ? kind : INCOMING_LABEL[kind],
    relatedClient: {
      id: other.visible ? (outgoing ? r.related_client_id : r.client_id) : null,
      displayName: other.visible ? other.name : null,
    },
    note: r.note,
    createdAt: iso(r.created_at),
  } satisfies TClientRelation;
}

// Live relations of a client whose other end is live too, with whether the reader may see it.
async function relationsOf(tx: TTx, tenantId: string, clientId: string, scope: TScopeFilter) {
  return tx
    .selectFrom('client_relations as r')
    .innerJoin('clients', (j) =>
      j
        .onRef('clients.tenant_id', '=', 'r.tenant_id')
        .on(
          sql<boolean>`clients.id = case when r.client_id = ${clientId} then r.related_client_id else r.client_id end`,
        ),
    )
    .select(['r.id', 'r.client_id', 'r.related_client_id', 'r.kind', 'r.note', 'r.created_at'])
    .select('clients.display_name')
    .select((eb) => sql<boolean>`${scopeWhere(eb, scope, CLIENT_SCOPE)}`.as('visible'))
    .where('r.tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('r.client_id', '=', clientId), eb('r.related_client_id', '=', clientId)]))
    .where('r.deleted_at', 'is', null)
    .where('clients.deleted_at', 'is', null)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}

export async function listRelations(deps: TDeps, ctx: TContext, clientId: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'view');
    if (!(await clientInScope(tx, ctx.actor.tenantId, clientId, scope))) throw notFound('client');
    const rows = await relationsOf(tx, ctx.actor.tenantId, clientId, scope);
    return {
      items: rows.map((r) => present(r, clientId, { name: r.display_name, visible: Boolean(r.visible) })),
    };
  });
}

/** Relates two clients; both must be within the actor's edit scope, and the relation new. */
export async function createRelation(deps: TDeps, ctx: TContext, clientId: string, raw: unknown) {
  const input = parseInput(ZCreateRelation, raw);
  if (input.relatedClientId === clientId) {
    throw fieldError('relatedClientId', 'self', 'a client cannot be related to itself');
  }
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'edit');
    const self = await clientInScope(tx, tenantId, clientId, scope);
    if (!self) throw notFound('client');
    const other = await clientInScope(tx, tenantId, input.relatedClientId, scope);
    if (!other) throw notFound('related client');
    const [from, to] = input.direction === 'outgoing' ? [self.id, other.id] : [other.id, self.id];
    const existing = await tx
      .selectFrom('client_relations')
      .select(['kind', 'client_id', 'related_client_id'])
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', input.kind)
      .where('client_id', 'in', [from, to])
      .where('related_client_id', 'in', [from, to])
      .where('deleted_at', 'is', null)
      .execute();
    const key = relationKey(input.kind, from, to);
    if (existing.some((r) => relationKey(r.kind, r.client_id, r.related_client_id) === key)) {
      throw new AppError('conflict', 'these clients are related this way already');
    }
    const row = await tx
      .insertInto('client_relations')
      .values({
        tenant_id: tenantId,
        client_id: from,
        related_client_id: to,
        kind: input.kind,
        note: input.note,
        created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      entity: 'client_relation',
      entityId: row.id,
      action: 'create',
      after: row,
      ownerUserIds: [self.owner_id, other.owner_id],
    });
    return present(row, clientId, { name: other.display_name, visible: true });
  });
}

/**
 * Moves a relation to the trash. Both clients must be within the actor's edit scope, as when
 * relating them: a relation says something about both.
 */
export async function deleteRelation(deps: TDeps, ctx: TContext, clientId: string, relationId: string) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'edit');
    const self = await clientInScope(tx, tenantId, clientId, scope);
    if (!self) throw notFound('client');
    const row = await tx
      .selectFrom('client_relations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', relationId)
      .where((eb) => eb.or([eb('client_id', '=', clientId), eb('related_client_id', '=', clientId)]))
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('relation');
    const otherId = row.client_id === clientId ? row.related_client_id : row.client_id;
    const other = await clientInScope(tx, tenantId, otherId, scope);
    if (!other) throw notFound('relation');
    const [from, to] = row.client_id === clientId ? [self, other] : [other, self];
    const trashId = await moveToTrash(tx, ctx, CLIENT_RELATION_TRASH, {
      id: row.id,
      label: `${from.display_name} – ${row.kind} – ${to.display_name}`,
      ownerUserId: self.owner_id,
      before: row,
    });
    return { trashId };
  });
}
