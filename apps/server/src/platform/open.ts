import type { Logger } from 'pino';
import type { TConfig } from './config';
import { lockDataDir } from './data-lock';
import { openPglite, openPostgres, type TDatabase } from './db';
import { migrate } from './migrate';
import { detectRlsMode } from './tx';

/**
 * Opens the configured database for one process: PostgreSQL when DATABASE_URL is set, otherwise
 * PGlite in the data folder (locked against a second process). Migrates unless told not to.
 */
export async function openConfiguredDatabase(
  config: TConfig,
  purpose: string,
  options: { migrate?: boolean; logger?: Logger } = {},
): Promise<TDatabase> {
  let database: TDatabase;
  if (config.databaseUrl) {
    const { logger } = options;
    database = openPostgres(config.databaseUrl, config.dbPoolSize, (error) =>
      logger?.warn({ err: error }, 'the database server closed an idle connection'),
    );
  } else {
    const release = lockDataDir(config.dataDir, purpose);
    try {
      const opened = await openPglite(`${config.dataDir}/pglite`);
      database = {
        ...opened,
        close: async () => {
          await opened.close();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  if (options.migrate !== false) {
    await migrate(database);
    await detectRlsMode(database);
  }
  return database;
}
