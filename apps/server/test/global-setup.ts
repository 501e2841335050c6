import fs from 'node:fs';
import { openPglite } from '../src/platform/db';
import { migrate } from '../src/platform/migrate';
import { PGLITE_TEMPLATE } from './helpers/database';

// PGlite spends seconds creating a database from nothing; every test file on PGlite instead loads
// a dump of one freshly migrated database made here, once per run.
export async function setup() {
  if (process.env.TEST_DATABASE_URL || fs.existsSync(PGLITE_TEMPLATE)) return;
  const database = await openPglite('memory://');
  try {
    await migrate(database);
    const dump = await database.pglite!.dumpDataDir('none');
    const partial = `${PGLITE_TEMPLATE}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, PGLITE_TEMPLATE); // never let a reader see half a file
  } finally {
    await database.close();
  }
}
