// Three vitest projects, run as separate suites by `npm test`:
// unit (no stack), integration (through the real supabase-js against the running stack) and
// browser (playwright-core driving Debian's Chromium against the SPA).
import { defineConfig } from 'vitest/config';

const functionsDir = 'supabase/functions/**';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['stack/**/*.test.ts', 'tests/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.integration.test.ts', '**/*.browser.test.ts', functionsDir, 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['stack/**/*.integration.test.ts', 'tests/**/*.integration.test.ts'],
          exclude: [functionsDir, 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One stack is shared: files run one at a time so rate-limit and runner tests don't collide.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
