import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { json } from '../../platform/schemas';
import { search, ZSearchHit } from './search';

export const searchRoutes = newRouter().openapi(
  defineRoute({
    method: 'get',
    path: '/search',
    tags: ['Search'],
    summary: 'Typeahead across clients, cases and partners (and tipsters) within your scope',
    permission: 'authenticated',
    request: {
      query: z.object({
        q: z.string().trim().min(1).max(100),
        limit: z.coerce.number().int().min(1).max(50).default(10),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(ZSearchHit), nextCursor: z.null() })) },
  }),
  async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ items: await search(c.get('deps'), contextOf(c), q, limit), nextCursor: null }, 200);
  },
);
