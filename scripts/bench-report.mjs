// npm run bench:report — /api/report over many answers on each engine (issue 13's goal: under
// 1 s at 1,000,000), seeded as scripts/bench-collector.mjs seeds. Options: --engines
// sqlite,postgres --rows 1000000 --runs 5. Prints the median and max of `runs` timed requests
// after one warm-up, with the machine's load average (a loaded machine makes every figure slower).
import { loadavg, tmpdir } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { ensureBuilt } from '../demo/ensure-build.mjs'
import { BENCH_REPORT_TOKEN, percentile, seed, startCollector } from './bench-collector-lib.mjs'
import { startTempPostgres } from './pg-temp.mjs'

/** How many rows each daily-count table holds: what the report reads instead of every answer. */
async function rollupRows(engine, location) {
  const tables = ['answer_counts', 'segment_counts', 'display_counts']
  const sql = `SELECT ${tables.map((table) => `(SELECT COUNT(*) FROM ${table}) AS ${table}`).join(', ')}`
  if (engine === 'sqlite') {
    const db = new (createRequire(import.meta.url)('better-sqlite3'))(location, { readonly: true })
    const counts = db.prepare(sql).get()
    db.close()
    return counts
  }
  const client = new pg.Client(location)
  await client.connect()
  const { rows } = await client.query(sql)
  await client.end()
  return rows[0]
}

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'sqlite,postgres' },
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
  },
})
const log = (line) => console.error(line)
ensureBuilt({ widget: false })
const engines = args.engines.split(',')
const postgres = engines.includes('postgres') ? await startTempPostgres() : null
const folders = []
try {
  for (const engine of engines) {
    let env
    let location
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'touchpoint-bench-report-'))
      folders.push(dir)
      location = join(dir, 'report.db')
      env = { DB_PATH: location }
    } else {
      const admin = new pg.Client(postgres.url)
      await admin.connect()
      await admin.query('CREATE DATABASE bench_report')
      await admin.end()
      location = postgres.url.replace(/\/[^/]*$/, '/bench_report')
      env = { DATABASE_URL: location }
    }
    await (await startCollector(env)).stop() // creates the schema, with the report's indexes
    const started = Date.now()
    await seed(engine, location, Number(args.rows), log)
    log(`${engine}: seeded ${args.rows} answers in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    const migrating = Date.now()
    const collector = await startCollector(env) // fills the daily counts from the seeded rows
    log(
      `${engine}: schema step 5 (rollups filled from the rows) took ${((Date.now() - migrating) / 1000).toFixed(1)} s`,
    )
    log(`${engine}: rows of the daily counts: ${JSON.stringify(await rollupRows(engine, location))}`)
    const timed = async () => {
      const start = performance.now()
      const res = await fetch(`${collector.url}/api/report`, {
        headers: { Authorization: `Bearer ${BENCH_REPORT_TOKEN}` },
      })
      const body = await res.json()
      if (body.total !== Number(args.rows)) throw new Error(`report counted ${body.total}`)
      return performance.now() - start
    }
    await timed()
    const times = []
    for (let i = 0; i < Number(args.runs); i++) times.push(await timed())
    await collector.stop()
    console.log(
      `| ${engine} | ${Number(args.rows).toLocaleString('en')} | ${percentile(times, 50).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms | ${loadavg()[0].toFixed(1)} |`,
    )
  }
} finally {
  await postgres?.stop()
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
}
