// Schema step 6: a database filled at step 5 upgrades to comment indexes in the order the report
// reads them, both engines, real servers; the report's comment queries use them and answer
// exactly as before. And the released steps stay as they were released.
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type ResponseStore } from '../../src/collector/storage'
import { MIGRATIONS } from '../../src/collector/storage/migrations'
import { commentsQuery } from '../../src/collector/storage/queries'
import { toRow } from '../../src/collector/storage/rows'
import { memorySource } from '../../src/collector/report-source'
import type { CommentQuery } from '../../src/collector/storage'
import { ENGINES, freshDatabase, withClient, type Engine, type Target } from './engines'
import { answer } from './fixtures'
import { databaseAtStep } from './older-schema'

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

// Comments that are missing, blank, only whitespace, or real; every kind, several touchpoints,
// and answers sharing a time, so that ties are ordered by id.
const COMMENTS = [null, '', '  ', '\t\n', 'fine', 'phí ship cao quá', 'shipping fee too high', ' slow ']
const someAnswers = () =>
  Array.from({ length: 60 }, (_, index) =>
    answer({
      touchpoint: (['product', 'cart', 'checkout'] as const)[index % 3],
      kind: (['csat', 'nps', 'ces', 'emotion'] as const)[index % 4],
      score: (['csat', 'nps', 'ces', 'emotion'] as const)[index % 4] === 'nps' ? index % 11 : (index % 5) + 1,
      comment: COMMENTS[index % COMMENTS.length],
      at: `2026-11-${String(10 + (index % 7)).padStart(2, '0')}T10:00:00.000Z`,
    }),
  )

/** The plan each engine chooses for the store's own comment query (PostgreSQL told not to prefer a scan of a tiny table). */
async function planOf(engine: Engine, target: Target, query: CommentQuery): Promise<string> {
  const { sql, params } = commentsQuery(engine, {}, query)
  if (engine === 'sqlite') {
    const db = new Database(target.location, { readonly: true })
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
    db.close()
    return plan.map((step) => step.detail).join('\n')
  }
  return withClient(target.location, async (client) => {
    await client.query('SET enable_seqscan = off')
    await client.query('SET enable_bitmapscan = off')
    const { rows } = await client.query(`EXPLAIN ${sql}`, params)
    return rows.map((row) => row['QUERY PLAN']).join('\n')
  })
}

async function indexNames(engine: Engine, target: Target): Promise<string[]> {
  const sql =
    engine === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'responses' ORDER BY name"
      : "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'responses' ORDER BY indexname"
  if (engine === 'sqlite') {
    const db = new Database(target.location, { readonly: true })
    const names = db.prepare(sql).pluck().all() as string[]
    db.close()
    return names
  }
  return withClient(target.location, async (client) => (await client.query(sql)).rows.map((row) => row.name))
}

const NEWEST: CommentQuery = { order: 'newest', limit: 7 }
const LOWEST: CommentQuery = { order: 'lowest', limit: 3, touchpoint: 'checkout' }

describe.each(ENGINES)('comment indexes (schema step 6) on %s', (engine) => {
  it('are made when a filled step-5 database upgrades, and serve the report exactly as before', async () => {
    const target = await freshDatabase(engine)
    cleanup.push(() => target.remove())
    const given = someAnswers()
    await databaseAtStep(engine, target, 5, { answers: given.map((a) => toRow(a, '2026-11-21T00:00:00.000Z')) })
    const store: ResponseStore = openStore(target.options)
    cleanup.push(() => store.close())
    await store.ready()

    const names = await indexNames(engine, target)
    expect(names).toEqual(expect.arrayContaining(['responses_recent_comments', 'responses_lowest_comments']))
    expect(names).not.toContain('responses_comments')
    expect(names).not.toContain('responses_touchpoint_comments')
    expect(await planOf(engine, target, NEWEST)).toMatch('responses_recent_comments')
    expect(await planOf(engine, target, LOWEST)).toMatch('responses_lowest_comments')

    // The same comments as computed in memory from the answers: blank ones left out, in order.
    // Ties in time go by id, as the answers would come out of the table in (at, id) order.
    const byTimeAndId = [...given].sort((a, b) => (a.at + a.id < b.at + b.id ? -1 : 1))
    const reference = memorySource(byTimeAndId)
    for (const query of [NEWEST, LOWEST, { order: 'newest', limit: 100 } as const]) {
      const stored = (await store.comments({}, query)).map((c) => c.id)
      const expected = (await reference.comments(query)).map((c) => c.id)
      expect(stored).toEqual(expected)
    }
    // Kept from then on: a new comment is found through the new index.
    const later = answer({
      touchpoint: 'checkout',
      kind: 'csat',
      score: 1,
      comment: 'never again',
      at: '2026-11-20T00:00:00.000Z',
    })
    await store.insert([later])
    expect((await store.comments({}, NEWEST))[0].id).toBe(later.id)
    expect((await store.comments({}, LOWEST))[0].id).toBe(later.id)
  })
})

describe('released schema steps', () => {
  // A database that took a step never takes it again: changing a released step's SQL would
  // leave older databases different from new ones. Only additions are allowed (see migrations.ts).
  // SHA-256 of each step's SQLite and PostgreSQL text (first 16 hex digits). Step 5's text is
  // now one shared definition for both engines; its digest is the one it was released with.
  const RELEASED: Record<number, string> = {
    1: 'aa3322dbf7dc7332',
    2: '7a3b8a59bef24b32',
    3: '292cb9fb84192912',
    4: 'da2306467322de53',
    5: 'bf121347381f7801',
    6: 'd1ff96c11597af27',
  }

  it('keep the SQL they were released with', () => {
    const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16)
    const current = Object.fromEntries(
      MIGRATIONS.filter((step) => step.version in RELEASED).map((step) => [
        step.version,
        digest(step.sqlite + '\u0000' + step.postgres),
      ]),
    )
    expect(current).toEqual(RELEASED)
  })
})
