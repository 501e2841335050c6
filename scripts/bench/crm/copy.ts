import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

type TValue = string | number | boolean | null | readonly string[];

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeText(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s;
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** One value in PostgreSQL's COPY text format. */
function field(v: TValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return escapeText(arrayLiteral(v));
}

const CHUNK = 256 * 1024;

/** Runs `fill` over open writers and ends them all; on a failure every COPY is given up. */
export async function copyAll(writers: CopyWriter[], fill: () => Promise<void>): Promise<number> {
  try {
    await fill();
    return (await Promise.all(writers.map((w) => w.end()))).reduce((s, n) => s + n, 0);
  } catch (error) {
    for (const w of writers) w.abort();
    throw error;
  }
}

/**
 * COPY … FROM STDIN into one table on its own connection: rows are gathered into chunks and
 * written with back-pressure, so the generator never runs far ahead of the server.
 */
export class CopyWriter {
  rows = 0;
  #buffer: string[] = [];
  #size = 0;
  #stream: NodeJS.WritableStream;
  #done: Promise<void>;

  private constructor(
    readonly client: pg.PoolClient,
    stream: NodeJS.WritableStream,
  ) {
    this.#stream = stream;
    this.#done = new Promise((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    this.#done.catch(() => undefined);
  }

  /** `bulk`: the connection skips triggers and foreign-key checks (a superuser's bulk load). */
  static async open(
    pool: pg.Pool,
    table: string,
    columns: readonly string[],
    bulk: boolean,
  ): Promise<CopyWriter> {
    const client = await pool.connect();
    if (bulk) await client.query('set session_replication_role = replica');
    const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    return new CopyWriter(client, stream);
  }

  /** Adds a row; awaits only when the server is behind. */
  async add(values: readonly TValue[]): Promise<void> {
    const line = `${values.map(field).join('\t')}\n`;
    this.#buffer.push(line);
    this.#size += line.length;
    this.rows += 1;
    if (this.#size >= CHUNK) await this.#flush();
  }

  async #flush() {
    if (this.#buffer.length === 0) return;
    const chunk = this.#buffer.join('');
    this.#buffer = [];
    this.#size = 0;
    if (!this.#stream.write(chunk)) await Promise.race([once(this.#stream, 'drain'), this.#done]);
  }

  /** Sends what is left, ends the COPY and gives the connection back. */
  async end(): Promise<number> {
    try {
      await this.#flush();
      this.#stream.end();
      await this.#done;
    } catch (error) {
      this.#release(true);
      throw error;
    }
    this.#release(false);
    return this.rows;
  }

  /** Gives up: the connection is closed, so the COPY is rolled back (after a failure elsewhere). */
  abort() {
    this.#release(true);
  }

  #released = false;
  #release(destroy: boolean) {
    if (this.#released) return;
    this.#released = true;
    this.client.release(destroy);
  }
}
