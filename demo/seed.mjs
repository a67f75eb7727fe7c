// npm run demo:seed: fills DB_PATH (demo/demo.db) with the demo's synthetic answers.
// Deterministic ids: running it twice stores nothing new.
import { join, resolve } from 'node:path'
import { ensureBuilt, ROOT } from './ensure-build.mjs'
import { seedAnswers } from './seed-data.mjs'

ensureBuilt({ widget: false })
const { openStore, checkBatch } = await import('../dist/collector/index.js')
const dbPath = resolve(process.env.DB_PATH ?? join(ROOT, 'demo', 'demo.db'))
const answers = seedAnswers({ origin: `http://localhost:${process.env.PORT ?? 8080}` })
const check = checkBatch({ v: 1, sent_at: new Date().toISOString(), responses: answers.slice(0, 500) })
const rest = checkBatch({ v: 1, sent_at: new Date().toISOString(), responses: answers.slice(500) })
if (check.reasons.length || rest.reasons.length)
  throw new Error(`seed data does not match the wire format: ${[...check.reasons, ...rest.reasons].join('; ')}`)
const store = openStore(dbPath)
const { stored, duplicates } = await store.insert(answers)
console.log(`demo:seed: ${stored} answers stored, ${duplicates} already there, ${await store.count()} in ${dbPath}`)
await store.close()
