import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { defineRoute, newRouter } from '../../platform/http';
import { currentSchemaVersion, latestSchemaVersion } from '../../platform/migrate';
import { json } from '../../platform/schemas';

const ZHealth = z
  .object({
    status: z.enum(['ok']),
    database: z.object({
      engine: z.enum(['pglite', 'postgres']),
      connected: z.boolean(),
      schemaVersion: z.number().int(),
      expectedSchemaVersion: z.number().int(),
    }),
  })
  .openapi('Health');

export const healthRoutes = newRouter().openapi(
  defineRoute({
    method: 'get',
    path: '/health',
    tags: ['System'],
    summary: 'Answers 200 with the database state once the server is ready',
    permission: 'public',
    responses: {
      200: json(ZHealth),
      503: json(ZHealth.extend({ status: z.enum(['unavailable']) }), 'Not ready'),
    },
  }),
  async (c) => {
    const { database } = c.get('deps');
    try {
      await sql`select 1`.execute(database.db);
      const schemaVersion = await currentSchemaVersion(database);
      return c.json(
        {
          status: 'ok' as const,
          database: {
            engine: database.engine,
            connected: true,
            schemaVersion,
            expectedSchemaVersion: latestSchemaVersion(),
          },
        },
        200,
      );
    } catch {
      return c.json(
        {
          status: 'unavailable' as const,
          database: {
            engine: database.engine,
            connected: false,
            schemaVersion: 0,
            expectedSchemaVersion: latestSchemaVersion(),
          },
        },
        503,
      );
    }
  },
);
