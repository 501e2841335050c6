import type { Logger } from 'pino';
import type { TConfig } from './config';
import type { TDatabase } from './db';
import type { TMailer } from './mail';
import type { RateLimiter } from './rate-limit';

/** Everything use-cases and routes need from the outside world, passed explicitly. */
export type TDeps = {
  database: TDatabase;
  config: TConfig;
  logger: Logger;
  mailer: TMailer;
  /** Tells this process's job runner that work was queued (other processes find it by polling). */
  wakeJobs: () => void;
  publicLimiter: RateLimiter;
};
