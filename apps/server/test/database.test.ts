import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../src/platform/db';
import { createPostgresDatabase, ENGINE } from './helpers/database';

describe('the PostgreSQL pool', () => {
  it.skipIf(ENGINE !== 'postgres')(
    'survives the server ending an idle connection, and answers the next query (PostgreSQL only)',
    async () => {
      const { url, drop } = await createPostgresDatabase();
      const heard: Error[] = [];
      const database = openPostgres(url, 2, (error) => heard.push(error));
      const other = openPostgres(url, 1);
      try {
        const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]!
          .pid;
        // As a server restart or an administrator would: the pool's idle connection is ended.
        await sql`select pg_terminate_backend(${pid})`.execute(other.db);
        const deadline = Date.now() + 10_000;
        while (heard.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        expect(heard).toHaveLength(1);
        const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
        expect(again.rows[0]!.pid).not.toBe(pid);
      } finally {
        await other.close();
        await database.close();
        await drop();
      }
    },
  );
});
