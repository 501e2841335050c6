import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { TDatabase } from './db';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

// One number for all Kontor processes on a server: whoever holds it migrates, the others wait.
const MIGRATION_LOCK = 4_815_162_342;

export type TMigration = { version: number; name: string; file: string };

/** The migration files in order: `NNNN_name.sql`. */
export function listMigrations(dir = MIGRATIONS_DIR): TMigration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      file: path.join(dir, file),
    }));
}

/** The schema version the code expects: the number of the newest migration. */
export function latestSchemaVersion(): number {
  return listMigrations().at(-1)?.version ?? 0;
}

const GRANTS = `
grant usage on schema public to kontor_app;
grant select, insert, update, delete on all tables in schema public to kontor_app;
grant usage, select on all sequences in schema public to kontor_app;
revoke all on kontor_migrations from kontor_app;`;

/**
 * Applies the pending migrations, each in its own transaction, up to `target` (default: all).
 * Safe when several servers start at once: they queue on an advisory lock.
 */
export async function migrate(database: TDatabase, target = Number.POSITIVE_INFINITY): Promise<number[]> {
  const applied: number[] = [];
  await database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`create table if not exists kontor_migrations (
        version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(
        conn,
      );
      const done = await sql<{ version: number }>`select version from kontor_migrations`.execute(conn);
      const have = new Set(done.rows.map((r) => r.version));
      for (const m of listMigrations()) {
        if (have.has(m.version) || m.version > target) continue;
        const script = fs.readFileSync(m.file, 'utf8');
        const record = `insert into kontor_migrations (version, name) values (${m.version}, '${m.name}');`;
        await database.execScript(`${script}\n;${record}\n${GRANTS}`);
        applied.push(m.version);
      }
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
  return applied;
}

/** The newest applied migration, or 0 on an empty database. */
export async function currentSchemaVersion(database: TDatabase): Promise<number> {
  const exists = await sql<{ t: string | null }>`select to_regclass('kontor_migrations')::text as t`.execute(
    database.db,
  );
  if (!exists.rows[0]?.t) return 0;
  const r = await sql<{ v: number | null }>`select max(version) as v from kontor_migrations`.execute(
    database.db,
  );
  return r.rows[0]?.v ?? 0;
}
