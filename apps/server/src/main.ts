import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTenant } from './features/tenants/create-tenant';
import { createUserFromCli } from './features/users/create-user';
import { readManifest, writeBackup } from './platform/backup';
import { loadConfig } from './platform/config';
import { DataDirBusyError } from './platform/data-lock';
import { AppError } from './platform/errors';
import { migrate } from './platform/migrate';
import { openConfiguredDatabase } from './platform/open';
import { restoreBackup } from './platform/restore';

const HELP = `kontor: the Kontor CRM server and its administration commands

Usage:
  kontor serve                       start the server (PORT, default 3000)
  kontor migrate                     apply pending database migrations
  kontor tenant create --slug SLUG --name NAME --admin-email EMAIL --admin-password PASSWORD
                       [--admin-name NAME] [--locale de|en|pl|ru]
                                     create a firm with its first administrator
  kontor user create --tenant SLUG --email EMAIL --password PASSWORD --role ROLE [--role ROLE…]
                     [--unit UNIT] [--name NAME]
                                     create a user (ROLE: a built-in key such as advisor, or a role name;
                                     UNIT: a unit name or id)
  kontor backup --out FILE [--tenant SLUG]
                                     write a portable backup of all tenants or one, with their
                                     document files (from KONTOR_DATA_DIR/files)
  kontor restore FILE                load a backup into an empty database, and its document files
                                     into KONTOR_DATA_DIR/files
  kontor help                        this text

Environment: DATABASE_URL (PostgreSQL; without it the embedded database in KONTOR_DATA_DIR, default ./data),
PORT, KONTOR_PUBLIC_URL, KONTOR_SMTP_URL, KONTOR_MAIL_FROM, KONTOR_BACKUP_KEEP. See README.md.
The embedded database is used by one process at a time: stop the server before running other commands,
or use PostgreSQL.`;

class UsageError extends Error {}

type TOptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

function options(args: string[], spec: TOptionSpec, required: string[], positionals = 0) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: { ...spec, help: { type: 'boolean' } },
      allowPositionals: positionals > 0,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const missing = required.filter((r) => parsed.values[r] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals ? `expected ${positionals} argument(s)` : `unexpected argument ${parsed.positionals[0]}`,
    );
  }
  return {
    values: parsed.values as Record<string, string | string[] | boolean | undefined>,
    positionals: parsed.positionals,
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

async function withDatabase<T>(
  purpose: string,
  fn: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>,
) {
  const database = await openConfiguredDatabase(loadConfig(), purpose);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    case 'serve': {
      options(argv.slice(1), {}, []);
      // Loaded here so that the other commands do not pay for loading the whole HTTP app.
      const { startServer } = await import('./server');
      const server = await startServer(loadConfig());
      const shutdown = () => void server.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return;
    }
    case 'migrate': {
      options(argv.slice(1), {}, []);
      const config = loadConfig();
      const database = await openConfiguredDatabase(config, 'kontor migrate', { migrate: false });
      try {
        const applied = await migrate(database);
        console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await database.close();
      }
      return;
    }
    case 'tenant': {
      if (sub !== 'create')
        throw new UsageError(
          'usage: kontor tenant create --slug … --name … --admin-email … --admin-password …',
        );
      const { values } = options(
        rest,
        {
          slug: { type: 'string' },
          name: { type: 'string' },
          'admin-email': { type: 'string' },
          'admin-password': { type: 'string' },
          'admin-name': { type: 'string' },
          locale: { type: 'string' },
        },
        ['slug', 'name', 'admin-email', 'admin-password'],
      );
      const result = await withDatabase('kontor tenant create', (db) =>
        createTenant(db, {
          slug: str(values.slug)!,
          name: str(values.name)!,
          adminEmail: str(values['admin-email'])!,
          adminPassword: str(values['admin-password'])!,
          adminName: str(values['admin-name']),
          locale: (str(values.locale) ?? 'de') as 'de',
        }),
      );
      console.log(
        `created tenant ${result.tenant.slug} (${result.tenant.id}) with administrator ${result.admin.email}`,
      );
      return;
    }
    case 'user': {
      if (sub !== 'create')
        throw new UsageError('usage: kontor user create --tenant … --email … --password … --role …');
      const { values } = options(
        rest,
        {
          tenant: { type: 'string' },
          email: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string', multiple: true },
          unit: { type: 'string' },
          name: { type: 'string' },
        },
        ['tenant', 'email', 'password', 'role'],
      );
      const user = await withDatabase('kontor user create', (db) =>
        createUserFromCli(db, {
          tenant: str(values.tenant)!,
          email: str(values.email)!,
          password: str(values.password)!,
          role: values.role as string[],
          unit: str(values.unit),
          name: str(values.name),
        }),
      );
      console.log(`created user ${user.email} (${user.id})`);
      return;
    }
    case 'backup': {
      const { values } = options(argv.slice(1), { out: { type: 'string' }, tenant: { type: 'string' } }, [
        'out',
      ]);
      const out = str(values.out)!;
      const config = loadConfig();
      // Not migrated first: a backup taken before an upgrade must hold the schema it was taken from.
      const database = await openConfiguredDatabase(config, 'kontor backup', { migrate: false });
      try {
        // The document files are read from KONTOR_DATA_DIR, also when the rows are on PostgreSQL.
        const m = await writeBackup(database, out, {
          tenantSlug: str(values.tenant),
          dataDir: config.dataDir,
        });
        const rows = m.tables.reduce((sum, t) => sum + t.rows, 0);
        console.log(
          `wrote ${out}: ${m.tenants.length} tenant(s), ${rows} rows in ${m.tables.length} tables, ` +
            `${m.files?.count ?? 0} document file(s) of ${m.files?.bytes ?? 0} bytes, schema version ${m.schemaVersion}`,
        );
      } finally {
        await database.close();
      }
      return;
    }
    case 'restore': {
      const { positionals } = options(argv.slice(1), {}, [], 1);
      const file = positionals[0]!;
      if (!fs.existsSync(file)) throw new UsageError(`no such file ${file}`);
      await readManifest(file); // a wrong file is refused before a database is opened or created
      const config = loadConfig();
      // Not migrated first: the restore migrates to the backup's schema version, loads, then migrates on.
      const database = await openConfiguredDatabase(config, 'kontor restore', { migrate: false });
      try {
        const { manifest, rows, files, filesNotInBackup, schemaVersion } = await restoreBackup(
          database,
          file,
          {
            dataDir: config.dataDir,
          },
        );
        console.log(
          `restored ${manifest.tenants.map((t) => t.slug).join(', ') || 'no tenants'} (${rows} rows) from ${file}; ` +
            `${files} document file(s) into ${path.join(config.dataDir, 'files')}; ` +
            `schema version ${manifest.schemaVersion}${schemaVersion > manifest.schemaVersion ? `, migrated to ${schemaVersion}` : ''}`,
        );
        if (filesNotInBackup > 0) {
          // Format 1 archives held the rows only; their files were to be backed up beside them.
          console.log(
            `${file} is an older backup without files: copy the ${filesNotInBackup} document file(s) ` +
              `it names from a copy of the old data directory's files/ into ${path.join(config.dataDir, 'files')}`,
          );
        }
      } finally {
        await database.close();
      }
      return;
    }
    default:
      throw new UsageError(`unknown command ${command}; see kontor help`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`kontor: ${error.message}\nRun "kontor help" for usage.`);
    process.exit(2);
  }
  if (error instanceof AppError) {
    const fields = error.fields?.map((f) => `  ${f.field}: ${f.message}`).join('\n');
    console.error(`kontor: ${error.detail ?? error.code}${fields && !error.detail ? `\n${fields}` : ''}`);
    process.exit(1);
  }
  if (error instanceof DataDirBusyError) {
    console.error(`kontor: ${error.message}`);
    process.exit(1);
  }
  console.error('kontor:', error instanceof Error ? error.message : error);
  process.exit(1);
});
