// One SQLite connection on its own thread, so that neither a report query nor a commit's disk
// flush ever holds up the collector's event loop. Plain JavaScript because worker threads
// load a file as it is; the SQL comes from sqlite.ts in each message.
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

// 10,000 pages of 4 KiB: 40 MiB of WAL before the writer checkpoints by itself.
const WRITER_CHECKPOINT_PAGES = 10_000
// A pause between checkpoints: long enough that pages changed by several commits are copied once.
const CHECKPOINT_PAUSE_MS = 100

const db = new Database(workerData.dbPath)
// FULL: a commit reaches the disk (the WAL is fsynced) before it returns, so a 2xx is never
// sent for answers that a power cut could still take away. NORMAL would survive `kill -9`
// but not a power cut. Every role sets it: the checkpointer's fsyncs follow its own setting.
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 5000')
// 64 MiB of pages: answers keyed by random uuids touch pages all over the file.
db.pragma('cache_size = -65536')
if (workerData.role === 'reader') {
  db.pragma('query_only = ON')
  yieldTheProcessor()
}
// Copying committed pages from the WAL into the database file (a checkpoint) rewrites every
// page a commit touched and fsyncs the file. Left to the writer, SQLite does it inside the
// COMMIT that passes 1,000 WAL pages, which with answers keyed by random uuids is nearly every
// group's commit; the checkpointer thread does it beside the writer instead. The writer keeps
// a far threshold as a backstop: its own checkpoint, with no writer beside it, always
// finishes, so the WAL restarts from its beginning even when the checkpointer cannot keep up.
if (workerData.role === 'writer') db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`)

const statements = new Map()
const prepare = (sql) => {
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    statements.set(sql, statement)
  }
  return statement
}

// Each request's answers: insert; where the id is already stored, try the completing update.
// Its displays: insert, a stored id stays as it is. The rows actually inserted are counted into
// the daily rollups. All requests of the group in one transaction.
const writeGroup = db.transaction((message) => {
  const insert = prepare(message.insertSql)
  const complete = prepare(message.completeSql)
  const insertDisplay = prepare(message.displaySql)
  const newAnswers = []
  const newDisplays = []
  const results = message.requests.map(({ responses, displays }) => {
    let stored = 0
    for (const row of responses) {
      if (insert.run(row).changes) {
        stored++
        newAnswers.push(row)
      } else if (row.comment !== null) complete.run(row)
    }
    let displaysStored = 0
    for (const row of displays) {
      if (insertDisplay.run(row).changes) {
        displaysStored++
        newDisplays.push(row)
      }
    }
    return {
      stored,
      duplicates: responses.length - stored,
      displays: { stored: displaysStored, duplicates: displays.length - displaysStored },
    }
  })
  for (const rollup of message.answerRollups) count(rollup, newAnswers)
  for (const rollup of message.displayRollups) count(rollup, newDisplays)
  return results
})

// What new rows are grouped by before they are counted: a time by its UTC day (its first ten
// characters, as SQL's substr counts them), a display by whether there is one.
const GROUPING = {
  at: (at) => (/^[\x00-\x7f]{10}/.test(at) ? at.slice(0, 10) : Array.from(at).slice(0, 10).join('')),
  display: (display) => display !== null,
}

// One upsert per group of new rows, not one per row. The group's earliest row stands for it:
// the SQL computes the key from it (the same expressions as everywhere) and takes its `at`.
function count({ sql, reads }, rows) {
  if (!rows.length) return
  const groups = new Map()
  for (const row of rows) {
    const key = JSON.stringify(reads.map((field) => (GROUPING[field] ? GROUPING[field](row[field]) : row[field])))
    const group = groups.get(key)
    if (!group) groups.set(key, { ...row, n: 1 })
    else {
      group.n++
      if (row.at < group.at) group.at = row.at
    }
  }
  const upsert = prepare(sql)
  for (const group of groups.values()) upsert.run(group)
}

// A purge: statements that commit together, holding the write lock from the start (the purge
// command may run beside the collector). Returns the changes of the one marked `counts`.
const runTogether = db.transaction((statements) => {
  let counted = 0
  for (const { sql, params, counts } of statements) {
    const { changes } = prepare(sql).run(...params)
    if (counts) counted = changes
  }
  return counted
})

const operations = {
  all: (message) => prepare(message.sql).all(...message.params),
  get: (message) => prepare(message.sql).get(...message.params),
  write: (message) => writeGroup(message),
  // Deletes (retention, purge): on the writer, so they queue behind the groups being committed.
  together: (message) => runTogether.immediate(message.statements),
}

// A report query may take a core for seconds; on a small machine that is the core the event
// loop and the writer need to answer shoppers. On Linux a thread has a nice value of its own
// (setpriority on its thread id), so the reader runs at nice 10: reports get the CPU that
// collection leaves, and all of it when collection is idle.
function yieldTheProcessor() {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop())
    setPriority(threadId, 10)
  } catch {
    // Not Linux, or not permitted: the reader shares the CPU equally, as before.
  }
}

let checkpointTimer
function checkpointContinually() {
  // PASSIVE never waits for the writer or a reader: it copies what it can and returns. A failure
  // costs nothing committed (the pages stay in the WAL), and the writer's backstop remains.
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {}
  checkpointTimer = setTimeout(checkpointContinually, CHECKPOINT_PAUSE_MS)
}
if (workerData.role === 'checkpointer') checkpointContinually()

parentPort.on('message', (message) => {
  if (message.op === 'close') {
    clearTimeout(checkpointTimer)
    db.close()
    parentPort.postMessage({ id: message.id, result: null })
    parentPort.close()
    return
  }
  try {
    parentPort.postMessage({ id: message.id, result: operations[message.op](message) })
  } catch (err) {
    parentPort.postMessage({ id: message.id, error: { message: err.message, code: err.code } })
  }
})
