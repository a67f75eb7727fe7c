// Helpers for scripts/bench-collector.mjs and bench-report.mjs: a collector in a child process,
// synthetic answers, bulk seeding, and reading ids back from either engine. The vocabulary and
// the answer-to-row mapping are the collector's own, from its build (built here when stale).
import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { ensureBuilt } from '../demo/ensure-build.mjs'

const require = createRequire(import.meta.url)
export const BIN = fileURLToPath(new URL('../dist/collector/bin.js', import.meta.url))

ensureBuilt({ widget: false })
const { DEFAULT_STAGE_MAP, DEVICES, EMOTIONS, KINDS, RANGE, VISITORS } = await import('../dist/collector/vocabulary.js')
const { COLUMNS, toRow } = await import('../dist/collector/storage-rows.js')

// The touchpoints a shopper answers on; `other` (a page detection could not place) is left out.
const TOUCHPOINTS = Object.keys(DEFAULT_STAGE_MAP).filter((touchpoint) => touchpoint !== 'other')
const pick = (list) => list[Math.floor(Math.random() * list.length)]

/** One plausible answer, at a random time in the 89 days before now (inside the collector's 90-day answer window); one in ten has a comment. */
export function syntheticAnswer(now = Date.now()) {
  const touchpoint = pick(TOUCHPOINTS)
  const kind = pick(KINDS)
  const [low, high] = RANGE[kind]
  const score = low + Math.floor(Math.random() * (high - low + 1))
  return {
    id: randomUUID(),
    survey: kind,
    kind,
    score,
    comment: Math.random() < 0.1 ? `Comment ${Math.floor(Math.random() * 1e6)} about the ${touchpoint} page` : null,
    emotion: kind === 'emotion' ? EMOTIONS[score - 1] : null,
    stage: DEFAULT_STAGE_MAP[touchpoint],
    touchpoint,
    url: `https://shop.example/${touchpoint}/item-${Math.floor(Math.random() * 5000)}/`,
    locale: pick(['vi-VN', 'en-US']),
    at: new Date(now - Math.floor(Math.random() * 89 * 86_400_000)).toISOString(),
  }
}

export const batchOf = (count) => ({
  v: 1,
  sent_at: new Date().toISOString(),
  responses: Array.from({ length: count }, () => syntheticAnswer()),
})

/** The report token the benchmark's collectors accept (the report is closed without one). */
export const BENCH_REPORT_TOKEN = 'bench-report-token'

/**
 * Starts `touchpoint-collector` in a child process with these settings; resolves once it listens.
 * All load comes from one loopback client, so the per-client limits are off.
 */
export function startCollector(env) {
  const child = spawn(process.execPath, [BIN], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      RATE_LIMIT: 'off',
      ANSWER_LIMIT: 'off',
      REPORT_TOKEN: BENCH_REPORT_TOKEN,
      ALLOW_ORIGINS: '*',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk
      const match = /touchpoint collector on (http:\/\/\S+)/.exec(output)
      if (match) {
        child.stdout.off('data', onData)
        child.stdout.resume()
        resolve({ url: match[1], child, stop: () => stopChild(child) })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('exit', (code) => reject(new Error(`collector exited (${code}) before listening:\n${output}`)))
  })
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Writes `total` synthetic answers straight into the database, in large transactions; the next collector start counts them (see REWIND_ROLLUPS). */
export async function seed(engine, location, total, log) {
  // Rows as the collector writes them (every column), received when sent; as the widget sends
  // them: device and visitor on every answer, half naming their display.
  const rowOf = (synthetic) =>
    toRow(
      {
        ...synthetic,
        display: Math.random() < 0.5 ? randomUUID() : null,
        device: pick(DEVICES),
        visitor: pick(VISITORS),
      },
      synthetic.at,
    )
  const chunk = 10_000
  if (engine === 'sqlite') {
    const Database = require('better-sqlite3')
    const db = new Database(location)
    // Random uuids land all over the key's B-tree: a large page cache keeps seeding from crawling.
    db.pragma('cache_size = -1048576')
    // Seeding only (the collector is stopped): no fsync per chunk, and checkpoints that do not
    // sync either. Under load, fsynced commits and checkpoints made a million rows take over 25 minutes.
    db.pragma('synchronous = OFF')
    const insert = db.prepare(`INSERT OR IGNORE INTO responses (${COLUMNS}) VALUES (${COLUMNS.map((c) => '@' + c)})`)
    const many = db.transaction((rows) => rows.forEach((row) => insert.run(row)))
    for (let done = 0; done < total; done += chunk) {
      many(Array.from({ length: Math.min(chunk, total - done) }, () => rowOf(syntheticAnswer())))
      if (done % 200_000 === 0) log(`  seeded ${done}`)
    }
    db.exec(REWIND_ROLLUPS)
    db.close()
    return
  }
  const pg = require('pg')
  const client = new pg.Client(location)
  await client.connect()
  // This session only: the seed need not wait for each chunk's WAL flush. The collector's own
  // connections keep the server's `synchronous_commit = on`.
  await client.query('SET synchronous_commit = off')
  const types = COLUMNS.map((c) => (c === 'score' ? 'int[]' : 'text[]'))
  const sql = `INSERT INTO responses (${COLUMNS}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}`)}) ON CONFLICT DO NOTHING`
  for (let done = 0; done < total; done += chunk) {
    const rows = Array.from({ length: Math.min(chunk, total - done) }, () => rowOf(syntheticAnswer()))
    await client.query(
      sql,
      COLUMNS.map((c) => rows.map((row) => row[c])),
    )
    if (done % 200_000 === 0) log(`  seeded ${done}`)
  }
  await client.query(REWIND_ROLLUPS)
  await client.query('VACUUM ANALYZE responses')
  await client.end()
}

// The report reads daily counts (schema step 5) that the collector keeps as it writes; rows
// written straight into the tables bypass them. So the seed takes the database back to before
// that step (the steps after it are written to run again), and the next collector start runs
// them, filling the counts from the rows as an upgrade of a big database does (the report
// benchmark times that start).
const REWIND_ROLLUPS = `DROP TABLE answer_counts; DROP TABLE segment_counts; DROP TABLE display_counts;
  DELETE FROM touchpoint_schema WHERE version >= 5`

/** How many of these ids the database holds, read through a connection of its own. */
export async function countIds(engine, location, ids) {
  let found = 0
  if (engine === 'sqlite') {
    const Database = require('better-sqlite3')
    const db = new Database(location, { readonly: true })
    const has = db.prepare('SELECT 1 FROM responses WHERE id = ?').pluck()
    for (const id of ids) if (has.get(id)) found++
    db.close()
    return found
  }
  const pg = require('pg')
  const client = new pg.Client(location)
  await client.connect()
  for (let i = 0; i < ids.length; i += 10_000) {
    found += (
      await client.query('SELECT COUNT(*)::int AS n FROM responses WHERE id = ANY($1)', [ids.slice(i, i + 10_000)])
    ).rows[0].n
  }
  await client.end()
  return found
}

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/**
 * CPU seconds a process (all its threads) has used, from /proc: on a shared machine this says
 * what the work costs, whatever the wall-clock figures suffer from neighbours. Linux only.
 */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100 // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return NaN
  }
}

/** The machine and its load, for the benchmark's header: figures mean little without them. */
export function describeMachine() {
  const cpu = cpus()
  const disk = run('findmnt', ['-no', 'SOURCE,FSTYPE', '-T', tmpdir()])
  const device = disk.split(/\s+/)[0].replace('/dev/', '')
  const rotational = run('cat', [`/sys/block/${device}/queue/rotational`])
  return {
    cpu: `${cpu.length} × ${cpu[0].model}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB RAM`,
    disk: `${tmpdir()} on ${disk || 'unknown'}${rotational === '1' ? ' (the kernel reports it rotational)' : rotational === '0' ? ' (non-rotational)' : ''}`,
    node: process.version,
    sqlite: sqliteVersion(),
    os: run('uname', ['-sr']),
  }
}

/** `uptime`'s load averages (1, 5, 15 minutes): how busy the machine was, on a line. */
export const loadAverage = () =>
  loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ')

function sqliteVersion() {
  const Database = require('better-sqlite3')
  const db = new Database(':memory:')
  const version = db.prepare('SELECT sqlite_version()').pluck().get()
  db.close()
  return `SQLite ${version} (better-sqlite3 ${require('better-sqlite3/package.json').version})`
}

function run(command, args) {
  try {
    return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
  } catch {
    return ''
  }
}

/** The server's version and the settings the collector's promise rests on, as the server reports them. */
export async function postgresSettings(url) {
  const pg = require('pg')
  const client = new pg.Client(url)
  await client.connect()
  const show = async (name) => (await client.query(`SHOW ${name}`)).rows[0][name]
  const settings = {
    version: await show('server_version'),
    fsync: await show('fsync'),
    synchronous_commit: await show('synchronous_commit'),
    full_page_writes: await show('full_page_writes'),
  }
  await client.end()
  return settings
}
