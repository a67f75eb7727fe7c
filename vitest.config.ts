import { defineConfig } from 'vitest/config'

// `npm test` = type-check, build, then every project: unit tests in happy-dom (collector tests
// set the node environment per file) and end-to-end tests that drive the built dist/ files in
// Debian's Chromium, and a cross-browser suite in Debian's Firefox ESR. Browser tests never skip:
// a missing Chromium or Firefox fails them.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/firefox/**', 'node_modules/**'],
          environment: 'happy-dom',
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
