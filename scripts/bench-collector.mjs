// npm run bench:collector — the collector under load, on both engines, on this machine:
//   1. throughput: 50 clients POST 10-answer batches for 20 s (autocannon, loopback);
//   2. kill -9 mid-load, restart, and count acknowledged ids missing from the database;
//   3. the report over 1,000,000 answers, and POST /collect p99 while 4 clients loop on /report.
// Options: --engines sqlite,postgres  --seconds 20  --rows 1000000  --phases throughput,kill,report
// (e.g. `--engines sqlite --phases report` measures only the report goals on SQLite). Needs `npm run build:collector`
// (done when stale) and, for PostgreSQL, Debian's postgresql package (a server is started in a
// temporary folder and removed afterwards). Prints the machine, its load during each phase, the
// figures and the goals as Markdown on stdout (progress on stderr); docs/collector-bench.md keeps
// the latest. Every phase is bounded: 20 s, 6 s, 10 s of load, and the seeding of the report.
import { tmpdir } from 'node:os'
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
  describeMachine,
  loadAverage,
  percentile,
  postgresSettings,
  seed,
  startCollector,
} from './bench-collector-lib.mjs'
import { summary } from './bench-collector-summary.mjs'
import { startTempPostgres } from './pg-temp.mjs'

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'sqlite,postgres' },
    seconds: { type: 'string', default: '20' },
    rows: { type: 'string', default: '1000000' },
    phases: { type: 'string', default: 'throughput,kill,report' },
  },
})
const PHASES = ['throughput', 'kill', 'report']
const phases = args.phases.split(',')
const unknown = phases.filter((phase) => !PHASES.includes(phase))
if (unknown.length) throw new Error(`unknown --phases ${unknown.join(', ')}: use some of ${PHASES.join(', ')}`)
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
  const loadBefore = loadAverage()
  const cpuBefore = cpuSeconds(collector.child.pid)
  const clientBefore = process.cpuUsage()
  const result = await postLoad(collector.url, { connections: 50, duration: seconds, acked })
  const cpu = cpuSeconds(collector.child.pid) - cpuBefore
  const client = process.cpuUsage(clientBefore)
  const loadAfter = loadAverage()
  await collector.stop()
  const found = await countIds(engine, db.location, acked)
  return {
    answersPerSecond: Math.round(acked.length / seconds),
    answersPerCpuSecond: Math.round(acked.length / cpu),
    // The load generator shares the machine: what it takes is not the collector's.
    clientCpuShare: (client.user + client.system) / 1e6 / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    acked: acked.length,
    missing: acked.length - found,
    loadBefore,
    loadAfter,
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
  const result = await load
  const restarted = await startCollector(db.env) // SQLite replays its WAL, PostgreSQL recovered already
  await restarted.stop()
  const found = await countIds(engine, db.location, acked)
  // Requests in flight at the kill, and those sent until the load ends, fail unacknowledged: the widget sends them again.
  return { acked: acked.length, ackedAtKill, missing: acked.length - found, unanswered: result.errors }
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
  const loadDuring = loadAverage()
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
    postFailures: posts.non2xx + posts.errors,
    postsAnswered: posts.requests.total,
    loadDuring,
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

const run = {
  startedAt: new Date(),
  seconds,
  rows,
  machine: describeMachine(),
  loadAtStart: loadAverage(),
  postgres: postgres ? await postgresSettings(postgres.url) : null,
  results: {},
}
try {
  for (const engine of engines) {
    const result = { load: null, kill: null, report: null }
    if (phases.includes('throughput')) {
      log(`${engine}: throughput, ${seconds} s (load average ${loadAverage()})`)
      result.load = await throughput(engine)
    }
    if (phases.includes('kill')) {
      log(`${engine}: kill -9 mid-load (load average ${loadAverage()})`)
      result.kill = await killMidLoad(engine)
    }
    if (phases.includes('report') && rows > 0) {
      log(`${engine}: report over ${rows} answers (load average ${loadAverage()})`)
      result.report = await reportUnderLoad(engine)
    }
    run.results[engine] = result
    log(JSON.stringify(result))
  }
} finally {
  cleanUp()
}
run.loadAtEnd = loadAverage()
console.log(summary(run))
