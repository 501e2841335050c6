import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { KONTOR_BIN, ROOT } from './settings';

export type TServerProcess = {
  baseUrl: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 of GET /api/v1/health. */
  readyMs: number;
  stop: () => Promise<void>;
};

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function healthStatus(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? null));
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(null));
  });
}

function logTail(logFile: string, lines = 15): string {
  try {
    return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, 10_000)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 5_000);
}

// The server reads its configuration from the environment only; the bench sets what it needs and
// removes what the caller's shell might leak in (a DATABASE_URL would redirect the PGlite runs).
function serverEnv(port: number, env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'KONTOR_DATA_DIR',
    'PORT',
    'KONTOR_PUBLIC_RATE_LIMIT',
    'KONTOR_LOG_LEVEL',
  ]) {
    delete base[name];
  }
  return { ...base, PORT: String(port), ...env };
}

/**
 * Spawns `kontor serve` as a child process and waits for its first healthy answer. Its log (one
 * JSON line per request) goes to `logFile`, so the server pays for logging as in production.
 */
export async function startServerProcess(
  env: Record<string, string>,
  logFile: string,
): Promise<TServerProcess> {
  const port = await freePort();
  const log = fs.openSync(logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, [KONTOR_BIN, 'serve'], {
    cwd: ROOT,
    env: serverEnv(port, env),
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`kontor serve exited (${child.exitCode ?? child.signalCode}):\n${logTail(logFile)}`);
      }
      if ((await healthStatus(`${baseUrl}/api/v1/health`)) === 200) break;
      if (performance.now() - started > 120_000) {
        throw new Error(`kontor serve did not become healthy in 120 s:\n${logTail(logFile)}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const readyMs = performance.now() - started;
  return { baseUrl, pid: child.pid!, readyMs, stop: () => stopChild(child) };
}
