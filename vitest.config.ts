import { defineConfig } from 'vitest/config';

/**
 * One command runs every suite. Each PostgreSQL-backed file (API, import command, browser, process
 * tests) gets its own database, server and browser, so those files run side by side: most of their
 * time is spent waiting on PostgreSQL, a server process or Chromium, not on this process's CPU.
 * Vitest runs projects of one `groupOrder` together and groups one after another; PGlite gets a
 * group of its own with one worker, because each PGlite instance takes ~0.7 GB.
 */
const SIDE_BY_SIDE = 3;
/** A migrated database per project and run, which each test file copies instead of migrating. */
const TEMPLATE_DATABASE = ['tests/support/template-database.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          include: ['packages/domain/src/**/*.test.ts', 'packages/sheets/src/**/*.test.ts'],
          maxWorkers: SIDE_BY_SIDE,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts', 'tests/import/**/*.test.ts'],
          globalSetup: TEMPLATE_DATABASE,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: SIDE_BY_SIDE,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/process/**/*.test.ts'],
          globalSetup: TEMPLATE_DATABASE,
          setupFiles: ['tests/support/e2e-failure-report.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A page renders later when other files run beside it; one second is too short a wait.
          expect: { poll: { timeout: 10_000 } },
          pool: 'forks',
          maxWorkers: SIDE_BY_SIDE,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['tests/pglite/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
