// Each recipient's balance (F7): earned, payable now, paid on statements, held back, clawed back.
// The same arithmetic as the statements, on the same data, so a balance and the next statement agree.
import { balanceAsOf, type TSettledEntry } from '@kontor/domain';
import { resolveScope } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { inTenant } from '../../platform/tx';
import { toSettlementLine } from './commission-lines.repository';
import { money } from './money-format';
import { recipientIdsInScope, recipients } from './recipients';
import { groupBy, loadRunData } from './run-data';

/** The balances of the recipients in the actor's scope on `asOf` (default today), or of one of them. */
export async function listBalances(
  deps: TDeps,
  ctx: TContext,
  asOf: string | undefined,
  recipientId?: string,
) {
  const tenantId = ctx.actor.tenantId;
  const day = asOf ?? new Date().toISOString().slice(0, 10);
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'commissions', 'view');
    let ids = await recipientIdsInScope(tx, scope, tenantId);
    if (recipientId) {
      if (ids !== null && !ids.includes(recipientId)) throw notFound('recipient');
      ids = [recipientId];
    }
    const people = await (ids === null
      ? recipients(tx, tenantId)
      : recipients(tx, tenantId).where('id', 'in', ids.length ? ids : [tenantId])
    )
      .select(['id', 'name', 'kind'])
      .orderBy('name')
      .execute();
    if (recipientId && people.length === 0) throw notFound('recipient');
    if (people.length === 0) return { items: [] };
    const data = await loadRunData(
      tx,
      tenantId,
      day,
      people.map((p) => p.id),
    );
    const items = [];
    const linesOf = groupBy(data.lines, (l) => `${l.recipient_id}|${l.currency}`);
    const settledOf = groupBy(data.settledRows, (s) => `${s.recipient_id}|${s.currency}`);
    const ledgerOf = new Map(data.ledgers.map((l) => [l.caseId, l]));
    for (const person of people) {
      const currencies = new Set(
        data.lines.filter((l) => l.recipient_id === person.id).map((l) => l.currency),
      );
      for (const currency of currencies) {
        const key = `${person.id}|${currency}`;
        const mine = (linesOf.get(key) ?? []).map(toSettlementLine);
        const settled: TSettledEntry[] = (settledOf.get(key) ?? []).map((s) => ({
          lineId: s.line_id,
          kind: s.kind as TSettledEntry['kind'],
          netMinor: s.net_minor,
        }));
        const ledgers = [...new Set(mine.map((m) => m.caseId))].flatMap((id) => ledgerOf.get(id) ?? []);
        const b = balanceAsOf(mine, ledgers, settled, day);
        items.push({
          recipientId: person.id,
          recipientName: person.name,
          recipientKind: person.kind,
          asOf: day,
          earned: money(b.earnedMinor, currency),
          payable: money(b.openMinor, currency),
          paid: money(b.settledMinor, currency),
          heldBack: money(b.heldBackMinor, currency),
          clawedBack: money(b.clawedBackMinor, currency),
        });
      }
    }
    return { items };
  });
}
