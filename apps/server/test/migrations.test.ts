import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../src/platform/db';
import { currentSchemaVersion, latestSchemaVersion, migrate } from '../src/platform/migrate';
import { ENGINE, freshDatabase } from './helpers/database';

describe('migrations', () => {
  it('bring an empty database to the latest version and are idempotent', async () => {
    const database = await freshDatabase({ migrate: false });
    try {
      expect(await currentSchemaVersion(database)).toBe(0);
      expect(await migrate(database)).toHaveLength(latestSchemaVersion());
      expect(await migrate(database)).toEqual([]);
      expect(await currentSchemaVersion(database)).toBe(latestSchemaVersion());
    } finally {
      await database.close();
    }
  });

  it.skipIf(ENGINE !== 'postgres')(
    'are safe when two servers start at once (advisory lock; PostgreSQL only)',
    async () => {
      const first = await freshDatabase({ migrate: false });
      // A second, independent pool on the same database, as a second server process would have.
      const url = (first.db.getExecutor().adapter && process.env.TEST_DATABASE_URL) as string;
      const name = (await sql<{ db: string }>`select current_database() as db`.execute(first.db)).rows[0]!.db;
      const u = new URL(url);
      u.pathname = `/${name}`;
      const second = openPostgres(u.toString());
      try {
        const [a, b] = await Promise.all([migrate(first), migrate(second)]);
        expect([...a, ...b].sort((x, y) => x - y)).toEqual(
          Array.from({ length: latestSchemaVersion() }, (_, i) => i + 1),
        );
        const rows = await sql<{ n: number }>`select count(*)::int as n from kontor_migrations`.execute(
          first.db,
        );
        expect(rows.rows[0]!.n).toBe(latestSchemaVersion());
      } finally {
        await second.close();
        await first.close();
      }
    },
  );
});
