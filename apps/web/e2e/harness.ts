import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startSmtp, type TSmtp } from './smtp';

export type { TReceivedMail, TSmtp } from './smtp';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CHROMIUM = '/usr/bin/chromium';
/** The built web app the server serves: KONTOR_WEB_DIR when set (as the server reads it), else apps/web/dist. */
export const WEB_APP_INDEX = path.join(
  process.env.KONTOR_WEB_DIR?.trim()
    ? path.resolve(process.env.KONTOR_WEB_DIR.trim())
    : path.join(ROOT, 'apps/web/dist'),
  'index.html',
);
const KONTOR_BIN = path.join(ROOT, 'apps/server/bin/kontor.js');
const ARTIFACTS = path.join(ROOT, 'artifacts/browser');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export type TViewport = { width: number; height: number };

/** The people the seed creates, as the README's first steps do. */
export const ACME = {
  firm: 'acme',
  name: 'Acme Finanz GmbH',
  boss: { email: 'boss@acme.test', password: 'a-long-password-1' },
  anna: { email: 'anna@acme.test', password: 'another-long-one-1' },
} as const;

/**
 * Why a journey cannot run here, or null. Shown in the describe title, because a bare "skipped"
 * in CI hides that the browser or the web app build was missing.
 */
export function unavailable(needs: { webApp?: boolean } = {}): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install -y chromium)`;
  if (needs.webApp && !existsSync(WEB_APP_INDEX)) {
    return `${WEB_APP_INDEX} is missing (npm run build)`;
  }
  return null;
}

export function journeyTitle(name: string, missing: string | null): string {
  if (missing) console.warn(`browser journey "${name}" skipped: ${missing}`);
  return missing ? `${name} (skipped: ${missing})` : name;
}

export type TKontor = {
  baseUrl: string;
  smtp: TSmtp;
  dataDir: string;
  /** Everything the server wrote so far (pino JSON lines at KONTOR_LOG_LEVEL=warn, and stderr). */
  output: () => string;
  /** Stops the server, the SMTP server and the browser, and removes the data directory. */
  stop: () => Promise<void>;
};

const run = promisify(execFile);

/**
 * Kontor as the README starts it (`kontor tenant create`, `kontor user create`, `kontor serve`),
 * on PGlite in a fresh temporary data dir, a free port and a real SMTP server in this process.
 */
export async function startKontor(): Promise<TKontor> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kontor-e2e-'));
  const smtp = await startSmtp();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    KONTOR_DATA_DIR: dataDir,
    KONTOR_PUBLIC_URL: baseUrl,
    KONTOR_BACKUP_KEEP: '0',
    KONTOR_SMTP_URL: smtp.url,
    KONTOR_LOG_LEVEL: 'warn',
  };
  // The journeys are about the embedded database, whatever the shell around them points at.
  delete env.DATABASE_URL;

  let server: ChildProcess | null = null;
  let log = '';
  const stop = async () => {
    await closeBrowser();
    if (server) await terminate(server);
    await smtp.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    // The embedded database admits one process at a time, so the seed runs before the server.
    // English for the firm: the web app's contract (headings "Desk", "Sign in") is written in English.
    await kontor(env, [
      ...['tenant', 'create', '--slug', ACME.firm, '--name', ACME.name, '--locale', 'en'],
      ...['--admin-email', ACME.boss.email, '--admin-password', ACME.boss.password],
    ]);
    await kontor(env, [
      ...['user', 'create', '--tenant', ACME.firm, '--role', 'advisor'],
      ...['--email', ACME.anna.email, '--password', ACME.anna.password],
    ]);
    server = spawn(process.execPath, [KONTOR_BIN, 'serve'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-20_000);
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    await waitForHealth(baseUrl, server, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, smtp, dataDir, output: () => log, stop };
}

async function kontor(env: NodeJS.ProcessEnv, argv: string[]): Promise<void> {
  try {
    await run(process.execPath, [KONTOR_BIN, ...argv], { cwd: ROOT, env, timeout: 120_000 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`kontor ${argv.slice(0, 2).join(' ')} failed: ${e.stderr || e.stdout || e.message}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string, timeoutMs = 90_000) {
  const started = Date.now();
  let last = 'no answer yet';
  while (Date.now() - started < timeoutMs) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `kontor serve exited (${server.exitCode ?? server.signalCode}) before it was healthy:\n${log()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`kontor serve not healthy after ${timeoutMs} ms (${last}):\n${log()}`);
}

/** SIGTERM lets the server close PGlite cleanly; SIGKILL if it hangs, so that no test run leaks a server. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

let browser: Browser | null = null;
const errors = new WeakMap<Page, string[]>();

/**
 * A fresh page (its own context: no cookies shared between journeys) in one Chromium per test file.
 * Narrow viewports are emulated as a phone (meta viewport, touch), so that a layout too wide for
 * a phone shows as horizontal scrolling instead of being shrunk to fit.
 */
export async function openBrowser(viewport: TViewport): Promise<Page> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const mobile = viewport.width < 768;
  const context = await browser.newContext({
    viewport,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    isMobile: mobile,
    hasTouch: mobile,
  });
  const page = await context.newPage();
  const seen: string[] = [];
  errors.set(page, seen);
  page.on('pageerror', (error) => seen.push(error.message));
  return page;
}

/**
 * What went wrong in the page so far: uncaught exceptions, and the serious or critical WCAG 2.1 AA
 * violations axe-core found on any screen a journey photographed. A journey asserts there are none
 * ("nothing crashes, every screen is usable with a screen reader and a keyboard").
 */
export function pageErrors(page: Page): string[] {
  return errors.get(page) ?? [];
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function checkAccessibility(page: Page, where: string): Promise<void> {
  // A JSON answer shown by the browser is not a page of ours.
  if ((await page.evaluate(() => document.contentType)) !== 'text/html') return;
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    const nodes = v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`);
    errors.get(page)?.push(`${where}: ${v.id} (${v.help}) at ${nodes.join(', ')}`);
  }
}

export async function closeBrowser(): Promise<void> {
  const open = browser;
  browser = null;
  await open?.close();
}

const shots = new Map<string, number>();

/** A full-page PNG at artifacts/browser/<journey>/<nn>-<step>.png; CI keeps artifacts/. */
export async function shot(page: Page, journey: string, step: string): Promise<string> {
  const n = (shots.get(journey) ?? 0) + 1;
  shots.set(journey, n);
  const dir = path.join(ARTIFACTS, slug(journey));
  // A journey's first shot clears its folder, so that no picture of an earlier run is mistaken for this one.
  if (n === 1) await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${String(n).padStart(2, '0')}-${slug(step)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await checkAccessibility(page, `${journey}/${step}`);
  return file;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
