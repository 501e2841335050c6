import { scoreDuplicate, warrantsWarning } from '@kontor/domain';
import { inScope, type TScopeFilter } from '../../platform/access';
import type { TTx } from '../../platform/tx';
import { duplicateCandidates, type TProbe } from './clients.repository';

export type TDescription = Parameters<typeof scoreDuplicate>[0];

/** Loads what the duplicate score compares, for candidate clients. */
async function describe(tx: TTx, tenantId: string, ids: string[]) {
  const [rows, emails, phones] = await Promise.all([
    tx
      .selectFrom('clients')
      .select([
        'id',
        'kind',
        'first_name',
        'last_name',
        'company_name',
        'display_name',
        'birth_date',
        'tax_id',
        'iban',
        'owner_id',
      ])
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute(),
    tx
      .selectFrom('client_emails')
      .select(['client_id', 'address'])
      .where('tenant_id', '=', tenantId)
      .where('client_id', 'in', ids)
      .execute(),
    tx
      .selectFrom('client_phones')
      .select(['client_id', 'e164'])
      .where('tenant_id', '=', tenantId)
      .where('client_id', 'in', ids)
      .execute(),
  ]);
  return rows.map((r) => ({
    row: r,
    description: {
      kind: r.kind as 'person' | 'company',
      firstName: r.first_name ?? undefined,
      lastName: r.last_name ?? undefined,
      companyName: r.company_name ?? undefined,
      birthDate: r.birth_date ?? undefined,
      emails: emails.filter((e) => e.client_id === r.id).map((e) => e.address),
      phonesE164: phones.filter((p) => p.client_id === r.id).map((p) => p.e164),
      taxId: r.tax_id ?? undefined,
      iban: r.iban ?? undefined,
    } satisfies TDescription,
  }));
}

/**
 * Existing clients that look like the new one, best first, with the reasons. Clients outside the
 * actor's scope are reported without id or name: the actor learns that the client exists and
 * whose it is, nothing else.
 */
export async function findDuplicates(
  tx: TTx,
  tenantId: string,
  scope: TScopeFilter,
  probe: TProbe,
  description: TDescription,
  excludeId?: string,
) {
  const ids = await duplicateCandidates(tx, tenantId, probe, excludeId);
  if (ids.length === 0) return [];
  const scored = (await describe(tx, tenantId, ids))
    .map(({ row, description: existing }) => ({ row, result: scoreDuplicate(description, existing) }))
    .filter(({ result }) => warrantsWarning(result))
    .sort((a, b) => b.result.score - a.result.score);
  return scored.map(({ row, result }) => {
    const visible = inScope(scope, [row.owner_id], null);
    return {
      id: visible ? row.id : null,
      displayName: visible ? row.display_name : null,
      ownerId: row.owner_id,
      score: Math.round(result.score * 100) / 100,
      reasons: result.reasons,
      against: result.against,
    };
  });
}
