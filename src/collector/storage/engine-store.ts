import { createGroupCommit, type WriteGroup } from './group-commit.js'
import { toDisplayCount, toDisplayRow } from './display-rows.js'
import {
  commentsQuery,
  COUNT_DISPLAYS_SQL,
  COUNT_SQL,
  displayCountsQuery,
  getQuery,
  pageQuery,
  scoreCountsQuery,
  tallyQuery,
  type Query,
} from './queries.js'
import { rollupDisplayCountsQuery, rollupTallyQuery } from './rollup-queries.js'
import { purgeStatements, refreshFirstAt, type Statement } from './rollups.js'
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
  /**
   * Runs a purge's statements in ONE transaction (the rows deleted and the daily counts they
   * take from the rollups); resolves with the changes of the statement marked `counts`.
   */
  together(statements: Statement[]): Promise<number>
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
 * return storeOverEngine({ name: 'sqlite', opening, write, select, together, close })
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
  const together = async (statements: Statement[]) => {
    await open()
    return engine.together(statements)
  }
  const purge = (source: 'responses' | 'displays', condition: Parameters<typeof purgeStatements>[2]) =>
    purgeStatements(name, source, condition)
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
    // The daily rollups (rollups.ts) answer every tally the report asks; the GROUP BY over the
    // rows stays for any other.
    tally: async (range, by, filter) =>
      (await select(rollupTallyQuery(name, range, by, filter) ?? tallyQuery(name, range, by, filter))).map(toTallyRow),
    displayCounts: async (range) =>
      (await select(rollupDisplayCountsQuery(name, range) ?? displayCountsQuery(name, range))).map(toDisplayCount),
    count: () => count(COUNT_SQL),
    countDisplays: () => count(COUNT_DISPLAYS_SQL),
    purgeBefore: (time) => together(purge('responses', (param) => `at < ${param(time.toISOString())}`)),
    purgeDisplaysBefore: (time) =>
      together([
        ...purge('displays', (param) => `at < ${param(time.toISOString())}`),
        // The day cut in two keeps counts whose earliest display may have gone.
        refreshFirstAt(name, time.toISOString().slice(0, 10)),
      ]),
    async purgeIds(ids) {
      await open() // a closed store rejects even an empty list
      let deleted = 0
      for (let start = 0; start < ids.length; start += maxIdsPerDelete) {
        const some = ids.slice(start, start + maxIdsPerDelete)
        deleted += await together(
          purge('responses', (param) =>
            name === 'sqlite' ? `id IN (${some.map(param).join(', ')})` : `id = ANY(${param(some)}::text[])`,
          ),
        )
      }
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
