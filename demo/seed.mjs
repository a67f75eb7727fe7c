// npm run demo:seed: fills DB_PATH (demo/demo.db) with the demo's synthetic answers and displays.
// Deterministic ids: running it twice stores nothing new.
import { join, resolve } from 'node:path'
import { ensureBuilt, ROOT } from './ensure-build.mjs'
import { seedBatch } from './seed-data.mjs'

ensureBuilt({ widget: false })
const { openStore, checkBatch } = await import('../dist/collector/index.js')
const dbPath = resolve(process.env.DB_PATH ?? join(ROOT, 'demo', 'demo.db'))
const { responses, displays } = seedBatch({ origin: `http://localhost:${process.env.PORT ?? 8080}` })
const reasons = []
for (let start = 0; start < responses.length; start += 500) {
  reasons.push(...checkBatch({ v: 1, sent_at: new Date().toISOString(), responses: responses.slice(start, start + 500) }).reasons)
}
if (reasons.length) throw new Error(`seed data does not match the wire format: ${reasons.join('; ')}`)
const store = openStore(dbPath)
const { stored, duplicates } = await store.insertBatch({ responses, displays })
console.log(`demo:seed: ${stored} answers (and ${displays.length} displays) stored, ${duplicates} already there, ${await store.count()} in ${dbPath}`)
await store.close()
