import type http from 'node:http';
import type pg from 'pg';
import { authScenarios } from './auth.scenarios';
import type { TFixture } from './fixture';
import type { TRequestFn } from './load';
import type { TSettings } from './settings';

/** What a scenario may use: the running server, a raw pool on the same database, the seed. */
export type TBenchContext = {
  settings: TSettings;
  baseUrl: string;
  agent: http.Agent;
  pool: pg.Pool;
  fixture: TFixture;
};

export type TScenario = {
  /** Unique; shown in the table and used as the key in bench.json. */
  name: string;
  /** kontor: through the HTTP server; raw: the same database work with `pg` directly. */
  kind: 'kontor' | 'raw';
  /** A line printed under the table, to read the figures right. */
  note?: string;
  /** Connections at once, when not the bench's (1: the cost of one request alone). */
  concurrency?: number;
  /** Raw scenarios this one is compared with (Kontor / raw); the first fills the table's column. */
  baselines?: string[];
  /** Prepares what the scenario needs and returns the function that makes one request. */
  setup: (ctx: TBenchContext) => Promise<TRequestFn> | TRequestFn;
};

/**
 * Every load scenario, run in this order on one PostgreSQL database. A later issue adds its
 * scenarios by adding a module like auth.scenarios.ts and listing it here.
 */
export const SCENARIOS: TScenario[] = [...authScenarios];
