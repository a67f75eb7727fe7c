import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

// What rollup.config.mjs writes into the build: the unit tests run the source, so they get it here.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'))

// `npm test` = type-check, build, then the projects: unit tests in happy-dom, the collector's
// tests in Node against both of its engines (SQLite files and a real PostgreSQL server that
// the collector project's global setup starts), end-to-end tests that drive the built dist/
// files in Debian's Chromium, and a cross-browser suite in Debian's Firefox ESR. Browser and
// PostgreSQL tests never skip: a missing Chromium, Firefox or PostgreSQL fails them.
export default defineConfig({
  test: {
    projects: [
      {
        define: { __TOUCHPOINT_VERSION__: JSON.stringify(version) },
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/firefox/**', 'tests/collector/**', 'node_modules/**'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'collector',
          include: ['tests/collector/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/collector/pg-global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The same built files in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi).
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
