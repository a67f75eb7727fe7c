// npm run bench:collector — the collector under load, on both engines, on this machine:
//   1. throughput: 50 clients POST 10-answer batches for 20 s (autocannon, loopback);
//   2. kill -9 mid-load, restart, and count acknowledged ids missing from the database;
//   3. the report over 1,000,000 answers, and POST /collect p99 while 4 clients loop on /report.
// Options: --engines sqlite,postgres  --seconds 20  --rows 1000000. Needs `npm run build:collector`
// (done when stale) and, for PostgreSQL, Debian's postgresql package (a server is started in a
// temporary folder and removed afterwards). Prints a Markdown summary; docs/collector-bench.md
// keeps the latest.
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import pg from 'pg'
import { ensureBuilt } from '../demo/ensure-build.mjs'
import {
  batchOf,
  BENCH_REPORT_TOKEN,
  countIds,
  cpuSeconds,
  percentile,
  seed,
  startCollector,
} from './bench-collector-lib.mjs'
import { startTempPostgres } from './pg-temp.mjs'

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'sqlite,postgres' },
    seconds: { type: 'string', default: '20' },
    rows: { type: 'string', default: '1000000' },
  },
})
const engines = args.engines.split(',')
const seconds = Number(args.seconds)
const rows = Number(args.rows)
const log = (line) => console.error(line)

ensureBuilt({ widget: false })
const postgres = engines.includes('postgres') ? await startTempPostgres() : null
const folders = []

/** A new empty database for one phase, and the settings that point a collector at it. */
async function freshDatabase(engine, name) {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'touchpoint-bench-'))
    folders.push(dir)
    const file = join(dir, `${name}.db`)
    return { location: file, env: { DB_PATH: file } }
  }
  const admin = new pg.Client(postgres.url)
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = postgres.url.replace(/\/[^/]*$/, `/${name}`)
  return { location: url, env: { DATABASE_URL: url } }
}

/** autocannon POSTing fresh 10-answer batches; `acked` collects the ids of every 200. */
function postLoad(url, { connections, duration, acked }) {
  return autocannon({
    url: `${url}/collect`,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest(request, context) {
          const batch = batchOf(10)
          context.ids = batch.responses.map((r) => r.id)
          return { ...request, body: JSON.stringify(batch) }
        },
        onResponse(status, _body, context) {
          if (status === 200) acked.push(...context.ids)
        },
      },
    ],
  })
}

async function throughput(engine) {
  const db = await freshDatabase(engine, 'bench_load')
  const collector = await startCollector(db.env)
  const acked = []
  const cpuBefore = cpuSeconds(collector.child.pid)
  const result = await postLoad(collector.url, { connections: 50, duration: seconds, acked })
  const cpu = cpuSeconds(collector.child.pid) - cpuBefore
  await collector.stop()
  const found = await countIds(engine, db.location, acked)
  return {
    answersPerSecond: Math.round(acked.length / seconds),
    answersPerCpuSecond: Math.round(acked.length / cpu),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    acked: acked.length,
    missing: acked.length - found,
  }
}

async function killMidLoad(engine) {
  const db = await freshDatabase(engine, 'bench_kill')
  const collector = await startCollector(db.env)
  const acked = []
  const load = postLoad(collector.url, { connections: 50, duration: 6, acked })
  await new Promise((resolve) => setTimeout(resolve, 3000))
  collector.child.kill('SIGKILL')
  const ackedAtKill = acked.length
  await load
  const restarted = await startCollector(db.env) // SQLite replays its WAL, PostgreSQL recovered already
  await restarted.stop()
  const found = await countIds(engine, db.location, acked)
  return { acked: acked.length, ackedAtKill, missing: acked.length - found }
}

async function reportUnderLoad(engine) {
  const db = await freshDatabase(engine, 'bench_report')
  await (await startCollector(db.env)).stop() // creates the schema
  const seedStart = Date.now()
  await seed(engine, db.location, rows, log)
  const seedSeconds = (Date.now() - seedStart) / 1000
  const collector = await startCollector(db.env)
  const timed = async (path) => {
    const start = performance.now()
    const res = await fetch(collector.url + path, { headers: { Authorization: `Bearer ${BENCH_REPORT_TOKEN}` } })
    await res.arrayBuffer()
    if (!res.ok) throw new Error(`${path}: ${res.status}`)
    return performance.now() - start
  }
  await timed('/api/report')
  const apiTimes = []
  for (let i = 0; i < 5; i++) apiTimes.push(await timed('/api/report'))

  let looping = true
  const reportTimes = []
  const loops = Array.from({ length: 4 }, async () => {
    while (looping) reportTimes.push(await timed('/report'))
  })
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const acked = []
  const posts = await postLoad(collector.url, { connections: 4, duration: 10, acked })
  looping = false
  await Promise.all(loops)
  await collector.stop()
  return {
    rows,
    seedSeconds,
    apiMedian: percentile(apiTimes, 50),
    apiMax: Math.max(...apiTimes),
    reportsDuringPosts: reportTimes.length,
    reportMedian: percentile(reportTimes, 50),
    postP50: posts.latency.p50,
    postP99: posts.latency.p99,
    postMax: posts.latency.max,
    postsPerSecond: Math.round(posts.requests.average),
  }
}

// A stopped run (Ctrl-C, `timeout`) must not leave a PostgreSQL server or its files behind.
function cleanUp() {
  postgres?.stop()
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanUp()
    process.exit(130)
  })
}

const results = {}
try {
  for (const engine of engines) {
    log(`${engine}: throughput, ${seconds} s`)
    const load = await throughput(engine)
    log(`${engine}: kill -9 mid-load`)
    const kill = await killMidLoad(engine)
    log(`${engine}: report over ${rows} answers`)
    const report = rows > 0 ? await reportUnderLoad(engine) : null
    results[engine] = { load, kill, report }
    log(JSON.stringify(results[engine]))
  }
} finally {
  cleanUp()
}

const ms = (value) => `${Math.round(value)} ms`
const cpu = cpus()
console.log(`Machine: ${cpu.length} × ${cpu[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')} at the end
| engine | answers/s (50 clients × 10-answer batches, ${seconds} s) | answers per collector CPU-second | POST p50 / p99 / max | non-2xx / errors | acked ids missing | kill -9: acked, missing after restart | seed ${rows.toLocaleString('en')} answers | /api/report median / max | POST p99 while 4 clients loop on /report (/report median) |
|---|---|---|---|---|---|---|---|---|---|`)
for (const [engine, { load, kill, report }] of Object.entries(results)) {
  console.log(
    `| ${engine} | ${load.answersPerSecond.toLocaleString('en')} | ${load.answersPerCpuSecond.toLocaleString('en')} | ${ms(load.p50)} / ${ms(load.p99)} / ${ms(load.max)} | ${load.non2xx} / ${load.errors} | ${load.missing} of ${load.acked.toLocaleString('en')} | ${kill.acked.toLocaleString('en')}, ${kill.missing} | ${report ? `${report.seedSeconds.toFixed(0)} s` : '—'} | ${report ? `${ms(report.apiMedian)} / ${ms(report.apiMax)}` : '—'} | ${report ? `${ms(report.postP99)} (${ms(report.reportMedian)}, ${report.reportsDuringPosts} reports)` : '—'} |`,
  )
}
