// Each recipient's balance (F7): earned, payable now, paid on statements, held back, clawed back.
// The same arithmetic as the statements, on the same data, so a balance and the next statement agree.
import { balanceAsOf } from '@kontor/domain';
import { resolveScope } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { inTenant } from '../../platform/tx';
import { firmDay } from './firm-day';
import { money } from './money-format';
import { recipientIdsInScope, recipientIn, recipients } from './recipients';
import { loadRunData, recipientBooks, type TRecipientBook } from './run-data';

/** The balances of the recipients in the actor's scope on `asOf` (default today), or of one of them. */
export async function listBalances(
  deps: TDeps,
  ctx: TContext,
  asOf: string | undefined,
  recipientId?: string,
) {
  const tenantId = ctx.actor.tenantId;
  const day = asOf ?? firmDay();
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'commissions', 'view');
    let ids = await recipientIdsInScope(tx, scope, tenantId);
    if (recipientId) {
      if (ids !== null && !ids.includes(recipientId)) throw notFound('recipient');
      ids = [recipientId];
    }
    const people = await recipients(tx, tenantId)
      .where((eb) => recipientIn(eb, 'id', ids))
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
    const booksOf = new Map<string, TRecipientBook[]>();
    for (const book of recipientBooks(data))
      booksOf.set(book.recipientId, [...(booksOf.get(book.recipientId) ?? []), book]);
    for (const person of people) {
      for (const { currency, lines, ledgers, settled } of booksOf.get(person.id) ?? []) {
        const b = balanceAsOf(lines, ledgers, settled, day);
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
