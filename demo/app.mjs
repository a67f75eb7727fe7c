// The demo: store pages, the widget from dist/ and the collector with its report, on one port.
import { join } from 'node:path'
import { ROOT } from './ensure-build.mjs'
import { seedBatch } from './seed-data.mjs'
import { handleStore } from './store/index.mjs'

/** The demo's report password when REPORT_PASSWORD is not set: the collector keeps its report closed without one. */
export const DEMO_REPORT_PASSWORD = 'demo'

/**
 * Starts the demo server. Seeds the database when it is empty (unless `seed: false`; a function
 * returning `{ responses, displays }` seeds those instead).
 * Needs dist/collector (see ensure-build.mjs).
 */
export async function startDemo({
  port = 8080,
  host = '127.0.0.1',
  dbPath,
  seed = true,
  log,
  reportPassword = DEMO_REPORT_PASSWORD,
} = {}) {
  const { createCollector } = await import('../dist/collector/index.js')
  const collector = createCollector({
    dbPath,
    // The store and the collector share an origin, which is always allowed; nothing else is.
    allowOrigins: [],
    rateLimit: { perMinute: 600 },
    reportPassword,
    staticDir: join(ROOT, 'dist'),
    fallback: handleStore,
    log,
  })
  let seeded = 0
  if (seed && (await collector.store.count()) === 0) {
    const { responses, displays } =
      typeof seed === 'function' ? seed() : seedBatch({ origin: `http://localhost:${port || 8080}` })
    seeded = (await collector.store.insertBatch({ responses, displays })).stored
  }
  const { url } = await collector.listen(port, host)
  return { url, seeded, reportPassword, store: collector.store, close: () => collector.close() }
}
