import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createApp, openApiDocument } from '../app';
import { loadConfig } from '../platform/config';
import { openPglite } from '../platform/db';
import { migrate } from '../platform/migrate';
import { buildDeps } from '../server';
import { renderDbTypes } from './db-types';
import { routePermissionTable } from './route-permissions';

// The generated files are committed; `npm run check` runs this with --check and fails when the
// code has moved on without them.

const GENERATED = fileURLToPath(new URL('../generated/', import.meta.url));

async function render(): Promise<Record<string, string>> {
  const database = await openPglite('memory://');
  try {
    await migrate(database);
    const { deps } = buildDeps(database, loadConfig({}), pino({ level: 'silent' }));
    const { api } = createApp(deps);
    const doc = openApiDocument(api);
    return {
      'db.ts': await renderDbTypes(database),
      'openapi.json': `${JSON.stringify(doc, null, 2)}\n`,
      'route-permissions.txt': routePermissionTable(doc),
    };
  } finally {
    await database.close();
  }
}

const check = process.argv.includes('--check');
const files = await render();
const stale: string[] = [];
for (const [name, content] of Object.entries(files)) {
  const file = `${GENERATED}${name}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (current === content) continue;
  if (check) stale.push(name);
  else fs.writeFileSync(file, content);
}
if (stale.length > 0) {
  console.error(`generated files are stale: ${stale.join(', ')}; run npm run generate and commit them`);
  process.exit(1);
}
console.log(check ? 'generated files are up to date' : 'generated files written');
