// The storage contract, against both engines: a SQLite file and a real PostgreSQL server.
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { buildReport, reportFromStore } from '../../src/collector/report'
import {
  openStore,
  LATEST_VERSION,
  SchemaTooNewError,
  type ResponseStore,
  type StoredResponse,
} from '../../src/collector/storage'
import type { SurveyResponse } from '../../src/shared/types'
import { ENGINES, withClient, type Engine, type Target } from './engines'
import { answer, answers } from './fixtures'
import { writeFirstSchemaFile } from './first-schema-file'
import { useDatabases } from './use-databases'

const { database, fresh, later } = useDatabases()

/** Every stored answer, read page by page as the CSV export does. */
async function all(store: ResponseStore, range = {}): Promise<StoredResponse[]> {
  const out: StoredResponse[] = []
  for (let page = await store.page(range, null, 3); ;) {
    out.push(...page)
    if (page.length < 3) return out
    const last = page[page.length - 1]
    page = await store.page(range, { at: last.at, id: last.id }, 3)
  }
}

/** A connection of its own, not the store's, opened before the test writes so that it reads at once. */
async function directReader(engine: Engine, target: Target) {
  if (engine === 'sqlite') {
    const db = new Database(target.location, { readonly: true })
    const select = db.prepare('SELECT * FROM responses WHERE id = ?')
    return { read: async (id: string) => select.get(id) ?? null, close: async () => db.close() }
  }
  const client = new pg.Client(target.location)
  await client.connect()
  return {
    read: async (id: string) => (await client.query('SELECT * FROM responses WHERE id = $1', [id])).rows[0] ?? null,
    close: () => client.end(),
  }
}

describe.each(ENGINES)('the %s store', (engine) => {
  it('ignores an id it already holds, even inside one batch', async () => {
    const { store } = await fresh(engine)
    const a = answer()
    expect(await store.insert([a, a, answer()])).toEqual({ stored: 2, duplicates: 1 })
    expect(await store.insert([a])).toEqual({ stored: 0, duplicates: 1 })
    expect(await store.count()).toBe(2)
  })

  it('has every answer on disk when insert resolves: another connection reads it at once', async () => {
    const { store, target } = await fresh(engine)
    const reader = await directReader(engine, target)
    const batch = answers('checkout', 'csat', [1, 2, 3])
    await store.insert(batch)
    const seen = await Promise.all(batch.map((a) => reader.read(a.id)))
    await reader.close()
    batch.forEach((a, i) => expect(seen[i]).toMatchObject({ id: a.id, score: a.score }))
  })

  it('gives each of many simultaneous requests its own counts, sharing commits', async () => {
    const { store } = await fresh(engine)
    const shared = answer()
    const requests = Array.from({ length: 40 }, (_, i) => [
      shared,
      ...answers('product', 'csat', [1, 2, 3, 4, 5]),
      ...(i % 2 ? [] : [answer()]),
    ])
    const results = await Promise.all(requests.map((r) => store.insert(r)))
    expect(results.reduce((n, r) => n + r.stored, 0)).toBe(1 + 40 * 5 + 20)
    expect(results.filter((r) => r.duplicates === 1)).toHaveLength(39)
    results.forEach((r, i) => expect(r.stored + r.duplicates).toBe(requests[i].length))
    expect(await store.count()).toBe(221)
  })

  it('keeps the first copy of a duplicate', async () => {
    const { store } = await fresh(engine)
    const a = answer({ score: 2 })
    await store.insert([a])
    await store.insert([{ ...a, score: 5 }])
    expect((await store.get(a.id))!.score).toBe(2)
  })

  it('completes a score that arrived first with the comment of an identical later copy, once', async () => {
    const { store } = await fresh(engine)
    const a = answer({ score: 2, comment: null })
    await store.insert([a])
    expect(await store.insert([{ ...a, comment: 'the size chart was wrong' }])).toEqual({ stored: 0, duplicates: 1 })
    await store.insert([{ ...a, comment: 'a replay must not overwrite it' }])
    expect(await store.count()).toBe(1)
    expect(await store.get(a.id)).toMatchObject({ score: 2, comment: 'the size chart was wrong' })
  })

  it.each<[string, Partial<SurveyResponse>]>([
    ['score', { score: 5 }],
    ['kind', { kind: 'emotion', emotion: 'disappointed' }],
    ['survey', { survey: 'other-survey' }],
    ['stage', { stage: 'awareness' }],
    ['touchpoint', { touchpoint: 'cart' }],
    ['url', { url: 'https://shop.example/elsewhere' }],
    ['locale', { locale: 'vi' }],
    ['time', { at: '2026-11-20T11:00:00.000Z' }],
  ])('never lets a later copy with another %s change the answer, not even to add its comment', async (_, change) => {
    const { store } = await fresh(engine)
    const a = answer({ score: 2, comment: null })
    await store.insert([a])
    expect(await store.insert([{ ...a, ...change }])).toEqual({ stored: 0, duplicates: 1 })
    expect(await store.insert([{ ...a, ...change, comment: 'rewritten' }])).toEqual({ stored: 0, duplicates: 1 })
    const { received_at: _received, ...kept } = (await store.get(a.id))!
    expect(kept).toEqual(a)
  })

  it('adds a comment only from a copy identical in everything else, and keeps the raw copy in step', async () => {
    const { store, target } = await fresh(engine)
    const a = answer({ kind: 'emotion', score: 4, emotion: 'pleased', comment: null, at: '2026-11-21T06:30:00+07:00' })
    await store.insert([a])
    await store.insert([{ ...a, comment: 'soft fabric' }])
    expect(await store.get(a.id)).toMatchObject({ score: 4, emotion: 'pleased', comment: 'soft fabric' })
    const reader = await directReader(engine, target)
    const row = (await reader.read(a.id)) as { raw: string }
    await reader.close()
    expect(JSON.parse(row.raw)).toEqual({ ...a, comment: 'soft fabric' })
  })

  it('purges the answers given before an instant, and those with given ids, for good', async () => {
    const { store } = await fresh(engine)
    const days = ['2025-12-31', '2026-01-01', '2026-03-01', '2026-04-01'].map((day) =>
      answer({ at: `${day}T12:00:00.000Z` }),
    )
    await store.insert(days)
    expect(await store.purgeBefore(new Date('2026-01-01T00:00:00.000Z'))).toBe(1)
    expect(await store.purgeBefore(new Date('2026-01-01T00:00:00.000Z'))).toBe(0)
    expect(await store.purgeIds([days[2].id, days[3].id, days[0].id])).toBe(2)
    expect((await all(store)).map((r) => r.id)).toEqual([days[1].id])
    // A purged id is gone: the same answer sent again is stored anew, not a duplicate.
    expect(await store.insert([days[2]])).toEqual({ stored: 1, duplicates: 0 })
  })

  it('purges more ids than one statement takes', async () => {
    const { store } = await fresh(engine)
    const many = answers(
      'product',
      'csat',
      Array.from({ length: 1200 }, (_, i) => (i % 5) + 1),
    )
    await store.insert(many)
    expect(await store.purgeIds(many.slice(0, 1100).map((a) => a.id))).toBe(1100)
    expect(await store.count()).toBe(100)
  })

  it('stores times in UTC so that ranges compare correctly whatever offset the browser wrote', async () => {
    const { store } = await fresh(engine)
    await store.insert([answer({ at: '2026-11-21T06:30:00+07:00' }), answer({ at: '2026-11-20T10:00:00.000Z' })])
    expect((await all(store)).map((r) => r.at)).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-20T23:30:00.000Z'])
    expect(await all(store, { from: '2026-11-20T12:00:00.000Z' })).toHaveLength(1)
    expect(await all(store, { to: '2026-11-20T12:00:00.000Z' })).toHaveLength(1)
  })

  it('records when each answer arrived', async () => {
    const { store } = await fresh(engine)
    const a = answer()
    await store.insert([a], new Date('2026-11-23T10:00:00.000Z'))
    expect((await store.get(a.id))!.received_at).toBe('2026-11-23T10:00:00.000Z')
  })

  it('stores a comment with a NUL character (U+FFFD in its place) instead of failing the batch', async () => {
    const { store } = await fresh(engine)
    const a = answer({ comment: 'bad\u0000byte' })
    expect(await store.insert([a, answer()])).toEqual({ stored: 2, duplicates: 0 })
    expect((await store.get(a.id))!.comment).toBe('bad\ufffdbyte')
  })

  it('pages through answers in time order, each once, ties broken by id', async () => {
    const { store } = await fresh(engine)
    const batch = [
      ...answers('cart', 'csat', [1, 2, 3, 4, 5]),
      ...answers('home', 'nps', [0, 5, 10], { at: '2026-11-19T00:00:00.000Z' }),
    ]
    await store.insert(batch)
    const listed = await all(store)
    const expected = [...batch]
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
      .map((a) => a.id)
    expect(listed.map((r) => r.id)).toEqual(expected)
  })

  it('computes in the database the same report as from every answer in memory', async () => {
    const { store } = await fresh(engine)
    const data = [
      ...answers('checkout', 'csat', [1, 2, 2, 3, 5]),
      ...answers('checkout', 'nps', [0, 3, 6, 7, 9]),
      ...answers('checkout', 'emotion', [1, 1, 2, 3, 4]),
      ...answers('product', 'csat', [4, 5, 5, 4, 3]),
      ...answers('product', 'nps', [10, 9, 9, 8, 6], { at: '2026-11-02T08:00:00.000Z' }),
      ...answers('cart', 'ces', [7, 6, 5, 4, 3]),
      ...answers('cart', 'csat', [4, 4], { stage: 'consideration' }),
      answer({ touchpoint: 'cart', stage: 'decision' }),
      answer({
        touchpoint: 'checkout',
        kind: 'nps',
        score: 1,
        comment: 'Shipping fee appeared at the last step',
        at: '2026-11-01T00:00:00.000Z',
      }),
      answer({ touchpoint: 'checkout', kind: 'csat', score: 4, comment: 'ok', at: '2026-11-21T00:00:00.000Z' }),
      answer({ touchpoint: 'checkout', kind: 'ces', score: 1, comment: 'long form', at: '2026-11-21T00:00:00.000Z' }),
      answer({
        touchpoint: 'checkout',
        kind: 'csat',
        score: 1,
        comment: 'card failed',
        at: '2026-11-05T00:00:00.000Z',
      }),
      answer({
        touchpoint: 'checkout',
        kind: 'emotion',
        score: 1,
        emotion: 'frustrated',
        comment: 'angry',
        at: '2026-11-06T00:00:00.000Z',
      }),
      answer({
        touchpoint: 'product',
        kind: 'csat',
        score: 5,
        comment: '  Great photos  ',
        at: '2026-11-22T00:00:00.000Z',
      }),
      answer({ touchpoint: 'product', kind: 'csat', score: 5, comment: ' \t\n ' }),
      ...Array.from({ length: 25 }, (_, i) =>
        answer({
          touchpoint: 'home',
          comment: `note ${i}`,
          at: `2026-11-${String(3 + (i % 9)).padStart(2, '0')}T10:00:00.000Z`,
        }),
      ),
    ]
    await store.insert(data)
    const everything = await all(store)
    expect(everything).toHaveLength(data.length)
    expect(await reportFromStore(store)).toEqual(await buildReport(everything))
    const range = { from: '2026-11-02T00:00:00.000Z', to: '2026-11-20T23:59:59.999Z' }
    expect(await reportFromStore(store, range)).toEqual(await buildReport(await all(store, range), range))
    expect((await reportFromStore(store)).weakest!.comments.map((c) => c.comment)).toEqual([
      'long form',
      'angry',
      'card failed',
    ])
  })

  it('refuses every call after close', async () => {
    const { store } = await fresh(engine)
    await store.close()
    await expect(store.insert([answer()])).rejects.toThrow(/closed/)
    await expect(store.count()).rejects.toThrow(/closed/)
    await expect(store.purgeBefore(new Date())).rejects.toThrow(/closed/)
    await expect(store.purgeIds([])).rejects.toThrow(/closed/)
  })

  it('finishes the writes in flight before it closes: each is on disk and answered', async () => {
    const { store, target } = await fresh(engine)
    const batch = answers('cart', 'csat', [4, 5])
    const writing = store.insert(batch)
    await store.close()
    expect(await writing).toEqual({ stored: 2, duplicates: 0 })
    const reader = await directReader(engine, target)
    const seen = await Promise.all(batch.map((a) => reader.read(a.id)))
    await reader.close()
    expect(seen.map((row) => (row as { id: string } | null)?.id)).toEqual(batch.map((a) => a.id))
  })
})

describe.each(ENGINES)('schema migrations on %s', (engine) => {
  it('records the latest schema version in a new database', async () => {
    const { target } = await fresh(engine)
    expect(await schemaVersions(engine, target)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1))
  })

  it('refuses to open a database written by a newer collector, with a clear message', async () => {
    const { store, target } = await fresh(engine)
    await store.close()
    await execute(
      engine,
      target,
      `INSERT INTO touchpoint_schema (version, description, applied_at) VALUES (${LATEST_VERSION + 1}, 'from the future', '2027-01-01')`,
    )
    const newer = openStore(target.options)
    later(() => newer.close())
    const failure = await newer.ready().catch((err) => err)
    expect(failure).toBeInstanceOf(SchemaTooNewError)
    expect(failure.message).toMatch(
      `schema version ${LATEST_VERSION + 1}, newer than this collector knows (${LATEST_VERSION})`,
    )
    await expect(newer.insert([answer()])).rejects.toThrow(SchemaTooNewError)
  })
})

describe('schema migrations on an existing SQLite file', () => {
  it('upgrades a database made before schema versions, keeping its answers', async () => {
    const target = await database('sqlite')
    const a = answer()
    writeFirstSchemaFile(target.location, a, { indexed: true })
    const store = openStore(target.options)
    later(() => store.close())
    expect(await store.get(a.id)).toMatchObject({ id: a.id, score: a.score })
    expect(await schemaVersions('sqlite', target)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1))
    const indexes = new Database(target.location, { readonly: true })
    expect(
      indexes.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'responses_tally'").pluck().get(),
    ).toBe('responses_tally')
    indexes.close()
  })
})

async function execute(engine: Engine, target: Target, sql: string) {
  if (engine === 'postgres') return void (await withClient(target.location, (client) => client.query(sql)))
  const db = new Database(target.location)
  db.exec(sql)
  db.close()
}

async function schemaVersions(engine: Engine, target: Target): Promise<number[]> {
  const sql = 'SELECT version FROM touchpoint_schema ORDER BY version'
  if (engine === 'postgres')
    return withClient(target.location, async (client) => (await client.query(sql)).rows.map((r) => Number(r.version)))
  const db = new Database(target.location, { readonly: true })
  try {
    return db.prepare(sql).pluck().all() as number[]
  } finally {
    db.close()
  }
}
