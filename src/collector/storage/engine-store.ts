import { createGroupCommit, type WriteGroup } from './group-commit.js'
import { toDisplayCount, toDisplayRow } from './display-rows.js'
import {
  commentsQuery,
  COUNT_DISPLAYS_SQL,
  COUNT_SQL,
  displayCountsQuery,
  getQuery,
  pageQuery,
  purgeBeforeQuery,
  purgeDisplaysBeforeQuery,
  purgeIdsQuery,
  scoreCountsQuery,
  tallyQuery,
  type Query,
} from './queries.js'
import { toComment, toRow, toScoreCount, toStored, toTallyRow } from './rows.js'
import { StoreClosedError, type ResponseStore } from './store.js'

/** What one engine does its own way: opening, the group write, running a query, closing. */
export interface StoreEngine {
  readonly name: ResponseStore['engine']
  /** Opens the database and brings its schema up to date; every call waits for it. */
  opening: Promise<void>
  /** Writes a group of requests in ONE transaction (group-commit.ts). */
  write: WriteGroup
  /** Groups written at the same time (default 1). */
  groupsInFlight?: number
  /** The rows a query selects. */
  select(query: Query): Promise<Record<string, unknown>[]>
  /** Runs a DELETE; resolves with how many rows it removed. */
  remove(query: Query): Promise<number>
  /** The most ids one DELETE may name (default: all of them). */
  maxIdsPerDelete?: number
  /** Closes the connections; called once the writes in flight are done. */
  close(): Promise<void>
}

/**
 * The answer store over one engine: what SQLite and PostgreSQL do alike (rows from the wire
 * objects, group commit, the report's queries and their rows, closing in order) is written once here.
 *
 * @example
 * return storeOverEngine({ name: 'sqlite', opening, write, select, remove, close })
 */
export function storeOverEngine(engine: StoreEngine): ResponseStore {
  const { name, opening, maxIdsPerDelete = Infinity } = engine
  let closed = false
  opening.catch(() => {}) // reported by ready() and by every call

  const group = createGroupCommit(engine.write, { concurrency: engine.groupsInFlight })
  const open = async () => {
    if (closed) throw new StoreClosedError()
    await opening
  }
  const select = async (query: Query) => {
    await open()
    return engine.select(query)
  }
  const remove = async (query: Query) => {
    await open()
    return engine.remove(query)
  }
  const count = async (sql: string) => Number((await select({ sql, params: [] }))[0].n)

  const insertBatch: ResponseStore['insertBatch'] = async ({ responses, displays }, receivedAt = new Date()) => {
    await open()
    const at = receivedAt.toISOString()
    return group.add({
      responses: responses.map((response) => toRow(response, at)),
      displays: displays.map((display) => toDisplayRow(display, at)),
    })
  }

  return {
    engine: name,
    ready: open,
    insertBatch,
    async insert(responses, receivedAt) {
      const { stored, duplicates } = await insertBatch({ responses, displays: [] }, receivedAt)
      return { stored, duplicates }
    },
    insertDisplays: async (displays, receivedAt) =>
      (await insertBatch({ responses: [], displays }, receivedAt)).displays,
    async get(id) {
      const [row] = await select(getQuery(name, id))
      return row ? toStored(row) : null
    },
    page: async (range, cursor, limit) => (await select(pageQuery(name, range, cursor, limit))).map(toStored),
    scoreCounts: async (range) => (await select(scoreCountsQuery(name, range))).map(toScoreCount),
    comments: async (range, query) => (await select(commentsQuery(name, range, query))).map(toComment),
    tally: async (range, by, filter) => (await select(tallyQuery(name, range, by, filter))).map(toTallyRow),
    displayCounts: async (range) => (await select(displayCountsQuery(name, range))).map(toDisplayCount),
    count: () => count(COUNT_SQL),
    countDisplays: () => count(COUNT_DISPLAYS_SQL),
    purgeBefore: (time) => remove(purgeBeforeQuery(name, time)),
    purgeDisplaysBefore: (time) => remove(purgeDisplaysBeforeQuery(name, time)),
    async purgeIds(ids) {
      await open() // a closed store rejects even an empty list
      let deleted = 0
      for (let start = 0; start < ids.length; start += maxIdsPerDelete)
        deleted += await remove(purgeIdsQuery(name, ids.slice(start, start + maxIdsPerDelete)))
      return deleted
    },
    async close() {
      if (closed) return
      closed = true
      await opening.catch(() => {})
      await group.idle()
      await engine.close()
    },
  }
}
