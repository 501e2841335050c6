import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type TBenchDatabase = { name: string; url: string; drop: () => Promise<void> };

/** Runs `fn` on one connection to the server of `adminUrl`, closed afterwards. */
export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `kontor_bench_<random>` on the server of `adminUrl`. */
export async function createBenchDatabase(adminUrl: string): Promise<TBenchDatabase> {
  const name = `kontor_bench_${randomBytes(5).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** `select version()` of the PostgreSQL server. */
export function postgresVersion(adminUrl: string): Promise<string> {
  return withAdmin(
    adminUrl,
    async (c) => (await c.query<{ version: string }>('select version()')).rows[0]!.version,
  );
}
