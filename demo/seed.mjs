// npm run demo:seed: fills DB_PATH (demo/demo.db) with the demo's synthetic answers and the
// displays behind them (surveys shown and dismissed). Deterministic ids: running it twice
// stores nothing new.
import { join, resolve } from 'node:path'
import { ensureBuilt, ROOT } from './ensure-build.mjs'
import { seedBatch } from './seed-data.mjs'

ensureBuilt({ widget: false })
const { openStore, checkBatch } = await import('../dist/collector/index.js')
const dbPath = resolve(process.env.DB_PATH ?? join(ROOT, 'demo', 'demo.db'))
const { responses: answers, displays } = seedBatch({ origin: `http://localhost:${process.env.PORT ?? 8080}` })
// Through the collector's own checks, in batches the wire format allows (500 of each at most):
// seed data that a real collector would refuse or change has no place in the demo.
const problems = []
for (let start = 0; start < Math.max(answers.length, displays.length); start += 500) {
  const batch = {
    v: 1,
    sent_at: new Date().toISOString(),
    responses: answers.slice(start, start + 500),
    displays: displays.slice(start, start + 500),
  }
  const check = checkBatch(batch)
  problems.push(...check.reasons, ...check.warnings)
  if (check.valid.some((answer, i) => answer.url !== batch.responses[i].url))
    problems.push('an answer url carries a query string')
}
if (problems.length) throw new Error(`seed data does not match the wire format: ${problems.join('; ')}`)
const store = openStore(dbPath)
const result = await store.insertBatch({ responses: answers, displays })
console.log(
  `demo:seed: ${result.stored} answers and ${result.displays.stored} displays stored, ` +
    `${result.duplicates + result.displays.duplicates} already there, ${await store.count()} answers in ${dbPath}`,
)
await store.close()
