import { defineConfig } from 'vitest/config';

// The browser journeys: a real Kontor server and Debian's Chromium per file. One file at a time,
// because each starts its own server and browser and two cores are already busy with those.
export default defineConfig({
  test: {
    include: ['apps/web/e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
