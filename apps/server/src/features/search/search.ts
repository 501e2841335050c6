import { z } from '@hono/zod-openapi';
import { searchTerms } from '@kontor/domain';
import { type RawBuilder, sql } from 'kysely';
import { resolveScope, scopeWhere } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { inTenant } from '../../platform/tx';
import { CASE_SCOPE, CLIENT_SCOPE, caseIdsOfSmallScope, clientIdsOfSmallScope } from '../cases/case-scope';
import { phoneticTerm } from './phonetic';

export const ZSearchHit = z
  .object({
    type: z.enum(['client', 'case', 'partner']),
    id: z.uuid(),
    title: z.string(),
    subtitle: z.string(),
    score: z.number(),
  })
  .openapi('SearchHit');

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

// A record matches when every term occurs in its folded text, or sounds like a name word there
// (Kölner Phonetik); the trigram index serves both. A small typo the phonetics miss ("Mülelr") is
// the fuzzy pass: the word trigram-similar to the text. It runs only for a single word that found
// nothing otherwise: on a million clients a fuzzy match of several common words ("becker anna")
// reads most of the table. Ranked by trigram word similarity.
function matches(column: RawBuilder<string>, terms: string[]) {
  const all = terms.map((t) => {
    const literal = sql<boolean>`${column} like ${`%${escapeLike(t)}%`}`;
    const sound = phoneticTerm(t);
    return sound ? sql<boolean>`(${literal} or ${column} like ${`%${sound}%`})` : literal;
  });
  return all.reduce((a, b) => sql<boolean>`${a} and ${b}`);
}
const similar = (column: RawBuilder<string>, folded: string) => sql<boolean>`${folded} <% ${column}`;

// A typeahead ranks the first matches it finds, not every match of a common name: "schmi" matches
// some 33,000 of a million clients, and reading and scoring all of them took a second per keystroke.
// Typing on narrows the matches below this.
const CANDIDATES = 200;

// The fuzzy pass is worth it for words of some length only.
const FUZZY_FROM = 4;

/** The first pass, and the fuzzy pass for a single word that found nothing. */
async function twoPasses<R>(
  terms: string[],
  run: (match: RawBuilder<boolean>) => Promise<R[]>,
  exact: RawBuilder<boolean>,
  fuzzy: RawBuilder<boolean>,
): Promise<R[]> {
  const first = await run(exact);
  if (first.length > 0 || terms.length !== 1 || terms[0]!.length < FUZZY_FROM) return first;
  return run(fuzzy);
}

/**
 * Typeahead across clients, cases and partners within the actor's scope: names, e-mails, phones in any
 * format, case numbers and platform references; umlauts and small typos tolerated; best first.
 */
export async function search(deps: TDeps, ctx: TContext, q: string, limit: number) {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  const folded = terms.join(' ');
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const hits: z.infer<typeof ZSearchHit>[] = [];
    if (ctx.actor.permissions.has('clients:view')) {
      const scope = await resolveScope(tx, ctx.actor, 'clients', 'view');
      const few = clientIdsOfSmallScope(scope);
      const text = sql<string>`clients.search_text`;
      const run = (match: RawBuilder<boolean>) =>
        tx
          .selectFrom((db) =>
            db
              .selectFrom('clients')
              .select(['clients.id', 'clients.display_name', 'clients.status', 'clients.search_text'])
              .where('clients.tenant_id', '=', ctx.actor.tenantId)
              .where('clients.deleted_at', 'is', null)
              .where(match)
              .where((eb) => scopeWhere(eb, scope, CLIENT_SCOPE))
              .$call((qb) => (few ? qb.where(few) : qb))
              .limit(CANDIDATES)
              .as('m'),
          )
          .select([
            'm.id',
            'm.display_name',
            'm.status',
            sql<number>`word_similarity(${folded}, m.search_text)`.as('score'),
          ])
          .orderBy('score', 'desc')
          .orderBy('m.display_name')
          .limit(limit)
          .execute();
      const rows = await twoPasses(terms, run, matches(text, terms), similar(text, folded));
      for (const r of rows)
        hits.push({
          type: 'client',
          id: r.id,
          title: r.display_name,
          subtitle: r.status,
          score: Number(r.score),
        });
    }
    if (ctx.actor.permissions.has('cases:view')) {
      const scope = await resolveScope(tx, ctx.actor, 'cases', 'view');
      const few = caseIdsOfSmallScope(scope);
      const text = sql<string>`cases.search_text`;
      const run = (match: RawBuilder<boolean>) =>
        tx
          .selectFrom((db) =>
            db
              .selectFrom('cases')
              .select([
                'cases.id',
                'cases.number',
                'cases.product_kind',
                'cases.platform_reference',
                'cases.search_text',
              ])
              .where('cases.tenant_id', '=', ctx.actor.tenantId)
              .where('cases.deleted_at', 'is', null)
              .where(match)
              .where((eb) => scopeWhere(eb, scope, CASE_SCOPE))
              .$call((qb) => (few ? qb.where(few) : qb))
              .limit(CANDIDATES)
              .as('m'),
          )
          .select([
            'm.id',
            'm.number',
            'm.product_kind',
            'm.platform_reference',
            sql<number>`word_similarity(${folded}, m.search_text)`.as('score'),
          ])
          .orderBy('score', 'desc')
          .orderBy('m.number', 'desc')
          .limit(limit)
          .execute();
      const rows = await twoPasses(terms, run, matches(text, terms), similar(text, folded));
      for (const r of rows) {
        hits.push({
          type: 'case',
          id: r.id,
          title: r.number,
          subtitle: [r.product_kind, r.platform_reference].filter(Boolean).join(' · '),
          score: Number(r.score),
        });
      }
    }
    // Partners and tipsters belong to the firm, not to an advisor: whoever may view partners finds them.
    if (ctx.actor.permissions.has('partners:view')) {
      const text = sql<string>`r.search_text`;
      const run = (match: RawBuilder<boolean>) =>
        tx
          .selectFrom('commission_recipients as r')
          .select([
            'r.id',
            'r.name',
            'r.kind',
            sql<number>`word_similarity(${folded}, r.search_text)`.as('score'),
          ])
          .where('r.tenant_id', '=', ctx.actor.tenantId)
          .where('r.kind', '<>', 'user')
          .where('r.deleted_at', 'is', null)
          .where(match)
          .orderBy('score', 'desc')
          .orderBy('r.name')
          .limit(limit)
          .execute();
      const rows = await twoPasses(terms, run, matches(text, terms), similar(text, folded));
      for (const r of rows) {
        hits.push({ type: 'partner', id: r.id, title: r.name, subtitle: r.kind, score: Number(r.score) });
      }
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  });
}
