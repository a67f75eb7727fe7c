// One SQLite connection on its own thread, so that neither a report query nor a commit's disk
// flush ever holds up the collector's event loop. Plain JavaScript because worker threads
// load a file as it is; the SQL comes from sqlite.ts in each message.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const db = new Database(workerData.dbPath)
// FULL: a commit reaches the disk (the WAL is fsynced) before it returns, so a 2xx is never
// sent for answers that a power cut could still take away. NORMAL would survive `kill -9`
// but not a power cut.
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 5000')
// 64 MiB of pages: answers keyed by random uuids touch pages all over the file.
db.pragma('cache_size = -65536')
if (workerData.role === 'reader') db.pragma('query_only = ON')

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
// Its displays: insert, a stored id stays as it is. All requests of the group in one transaction.
const writeGroup = db.transaction((insertSql, completeSql, displaySql, requests) => {
  const insert = prepare(insertSql)
  const complete = prepare(completeSql)
  const insertDisplay = prepare(displaySql)
  return requests.map(({ responses, displays }) => {
    let stored = 0
    for (const row of responses) {
      if (insert.run(row).changes) stored++
      else if (row.comment !== null) complete.run(row)
    }
    let displaysStored = 0
    for (const row of displays) if (insertDisplay.run(row).changes) displaysStored++
    return {
      stored,
      duplicates: responses.length - stored,
      displays: { stored: displaysStored, duplicates: displays.length - displaysStored },
    }
  })
})

const operations = {
  all: (message) => prepare(message.sql).all(...message.params),
  get: (message) => prepare(message.sql).get(...message.params),
  write: (message) => writeGroup(message.insertSql, message.completeSql, message.displaySql, message.requests),
  // Deletes (retention, purge): on the writer, so they queue behind the groups being committed.
  run: (message) => prepare(message.sql).run(...message.params).changes,
}

parentPort.on('message', (message) => {
  if (message.op === 'close') {
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
