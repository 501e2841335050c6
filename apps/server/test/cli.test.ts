import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifest } from '../src/platform/backup';
import { ENGINE } from './helpers/database';

// Each start of the CLI costs a second or two (tsx, then PGlite), so every test starts as few as it can.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'apps/server/bin/kontor.js');
const PASSWORD = 'correct horse battery';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-cli-test-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

type TEnv = Record<string, string>;

// The child sees only the database it is given, never the one of the test run.
function childEnv(extra: TEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KONTOR_LOG_LEVEL: 'warn', ...extra };
  for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'KONTOR_DATA_DIR']) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

function start(args: string[], env: TEnv): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(env) });
}

/** Runs `kontor …` to its end. */
async function kontor(args: string[], env: TEnv) {
  const child = start(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/** An empty database on the suite's engine, as the environment of a CLI run. */
async function emptyDatabase(name: string): Promise<TEnv> {
  const dataDir = path.join(tmp, name);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (ENGINE === 'pglite' || !serverUrl) return { KONTOR_DATA_DIR: dataDir };
  const db = `kontor_test_${randomBytes(6).toString('hex')}`;
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(query).finally(() => c.end());
  };
  await admin(`create database ${db}`);
  cleanups.push(() => admin(`drop database if exists ${db} with (force)`));
  const url = new URL(serverUrl);
  url.pathname = `/${db}`;
  return { KONTOR_DATA_DIR: dataDir, DATABASE_URL: url.toString() };
}

describe('kontor command line', () => {
  it('prints its usage for help', async () => {
    const r = await kontor(['help'], { KONTOR_DATA_DIR: path.join(tmp, 'help') });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage:/m);
    expect(r.stdout).toMatch(/kontor backup --out FILE \[--tenant SLUG\]/);
    expect(r.stdout).toMatch(/kontor restore FILE/);
  });

  it('refuses unknown commands and bad options with exit code 2 before opening a database', async () => {
    const dataDir = path.join(tmp, 'refused');
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command frobnicate/],
      [['tenant', 'create', '--slug', 'acme'], /missing --name, --admin-email, --admin-password/],
      [['backup', '--out', path.join(tmp, 'x.jsonl.gz'), '--bogus'], /Unknown option '--bogus'/],
      [['restore'], /expected 1 argument/],
      [['restore', path.join(tmp, 'missing.jsonl.gz')], /no such file .*missing\.jsonl\.gz/],
    ];
    const runs = await Promise.all(cases.map(([args]) => kontor(args, { KONTOR_DATA_DIR: dataDir })));
    runs.forEach((r, i) => {
      const [args, message] = cases[i]!;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Run "kontor help" for usage/);
    });
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('creates a tenant and an advisor, backs up, and restores into another empty database', async () => {
    const source = await emptyDatabase('source');
    const target = await emptyDatabase('target');
    const archive = path.join(tmp, 'acme.jsonl.gz');
    const tenant = await kontor(
      ['tenant', 'create', '--slug', 'acme', '--name', 'Acme Finanz GmbH'].concat([
        '--admin-email',
        'boss@acme.test',
        '--admin-password',
        PASSWORD,
      ]),
      source,
    );
    expect(tenant.stderr).toBe('');
    expect(tenant.stdout).toMatch(/created tenant acme \(.+\) with administrator boss@acme.test/);
    const user = await kontor(
      [
        'user',
        'create',
        '--tenant',
        'acme',
        '--email',
        'anna@acme.test',
        '--password',
        PASSWORD,
        '--role',
        'advisor',
      ],
      source,
    );
    expect(user.stdout).toMatch(/created user anna@acme.test/);
    const backup = await kontor(['backup', '--out', archive], source);
    expect(backup.stdout).toMatch(/wrote .*acme\.jsonl\.gz: 1 tenant\(s\)/);
    const manifest = await readManifest(archive);
    expect(manifest.tables.find((t) => t.name === 'users')?.rows).toBe(2);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);

    const restore = await kontor(['restore', archive], target);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`restored acme (${rows} rows)`);
  }, 120_000);

  it('refuses a second process on the embedded database while kontor serve holds it', async () => {
    const dataDir = path.join(tmp, 'served');
    const port = await freePort();
    const server = start(['serve'], { KONTOR_DATA_DIR: dataDir, PORT: String(port) });
    let output = '';
    server.stdout!.on('data', (d) => {
      output += d;
    });
    server.stderr!.on('data', (d) => {
      output += d;
    });
    try {
      await waitFor(
        () => healthy(port),
        server,
        () => output,
      );
      const r = await kontor(
        ['tenant', 'create', '--slug', 'acme', '--name', 'Acme'].concat([
          '--admin-email',
          'boss@acme.test',
          '--admin-password',
          PASSWORD,
        ]),
        { KONTOR_DATA_DIR: dataDir },
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/is in use by another Kontor process \(pid \d+, kontor serve\)/);
      // The server queues the day's backup as it starts.
      const backups = path.join(dataDir, 'backups');
      const written = async () =>
        fs.existsSync(backups) &&
        fs.readdirSync(backups).some((f) => /^kontor-[\d-]{10}\.jsonl\.gz$/.test(f));
      await waitFor(written, server, () => output);
    } finally {
      server.kill('SIGTERM');
      if (server.exitCode === null) await once(server, 'exit');
    }
    expect(server.exitCode).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'kontor.lock'))).toBe(false);
  }, 120_000);
});

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status === 200;
  } catch {
    return false;
  }
}

/** Polls `ready` until it holds; fails at once, with the server's output, when the server ends. */
async function waitFor(ready: () => Promise<boolean>, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (!(await ready())) {
    if (server.exitCode !== null) throw new Error(`kontor serve ended (${server.exitCode}):\n${output()}`);
    if (Date.now() > deadline) throw new Error(`kontor serve was not ready in time:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
