// @vitest-environment node
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type ResponseStore } from '../../src/collector/db'
import { answer, tempDir } from './fixtures'

let store: ResponseStore
let tmp: ReturnType<typeof tempDir>
afterEach(() => {
  store?.close()
  tmp?.remove()
})

describe('openStore', () => {
  it('ignores an id it already holds, even inside one batch', () => {
    tmp = tempDir()
    store = openStore(tmp.dbPath)
    const a = answer()
    expect(store.insert([a, a, answer()])).toEqual({ stored: 2, duplicates: 1 })
    expect(store.insert([a])).toEqual({ stored: 0, duplicates: 1 })
    expect(store.count()).toBe(2)
  })

  it('keeps the first copy of a duplicate', () => {
    tmp = tempDir()
    store = openStore(tmp.dbPath)
    const a = answer({ score: 2 })
    store.insert([a])
    store.insert([{ ...a, score: 5 }])
    expect(store.list()[0].score).toBe(2)
  })

  it('completes a score that arrived first with the comment that came later, still stored once', () => {
    tmp = tempDir()
    store = openStore(tmp.dbPath)
    const a = answer({ score: 2, comment: null })
    store.insert([a])
    expect(store.insert([{ ...a, comment: 'the size chart was wrong' }])).toEqual({ stored: 0, duplicates: 1 })
    store.insert([{ ...a, comment: 'a replay must not overwrite it' }])
    expect(store.count()).toBe(1)
    expect(store.list()[0].comment).toBe('the size chart was wrong')
  })

  it.each([
    ['kind', { kind: 'nps', score: 2 }],
    ['score', { score: 5 }],
    ['survey', { survey: 'post-purchase' }],
    ['stage', { stage: 'decision', touchpoint: 'checkout' }],
    ['touchpoint', { touchpoint: 'listing' }],
    ['url', { url: 'https://shop.example/cart/' }],
    ['time', { at: '2026-11-21T10:00:00.000Z' }],
    ['locale', { locale: 'vi' }],
  ] as const)('never lets a later copy change the stored %s, not even one that adds a comment', (_, change) => {
    tmp = tempDir()
    store = openStore(tmp.dbPath)
    const a = answer({ kind: 'csat', score: 2, comment: null })
    store.insert([a])
    expect(store.insert([{ ...a, ...change }])).toEqual({ stored: 0, duplicates: 1 })
    expect(store.insert([{ ...a, ...change, comment: 'rewritten' }])).toEqual({ stored: 0, duplicates: 1 })
    expect(store.list()).toEqual([expect.objectContaining({ ...a, comment: null })])
  })

  it('adds a comment only from a copy identical in everything else, and keeps the raw copy in step', () => {
    tmp = tempDir()
    store = openStore(tmp.dbPath)
    const a = answer({ kind: 'emotion', score: 4, comment: null, at: '2026-11-21T06:30:00+07:00' })
    store.insert([a])
    store.insert([{ ...a, comment: 'soft fabric' }])
    expect(store.list()[0]).toMatchObject({ score: 4, emotion: 'pleased', comment: 'soft fabric' })
    const db = new Database(tmp.dbPath, { readonly: true })
    expect(JSON.parse(db.prepare('SELECT raw FROM responses').pluck().get() as string)).toEqual({ ...a, comment: 'soft fabric' })
    db.close()
  })

  it('stores times in UTC so that ranges compare correctly whatever offset the browser wrote', () => {
    tmp = tempDir()
    store = openStore(tmp.dbPath)
    store.insert([answer({ at: '2026-11-21T06:30:00+07:00' }), answer({ at: '2026-11-20T10:00:00.000Z' })])
    expect(store.list().map((r) => r.at)).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-20T23:30:00.000Z'])
    expect(store.list({ from: '2026-11-20T12:00:00.000Z' })).toHaveLength(1)
    expect(store.list({ to: '2026-11-20T12:00:00.000Z' })).toHaveLength(1)
  })

  it('records when each answer arrived', () => {
    tmp = tempDir()
    store = openStore(tmp.dbPath)
    store.insert([answer()], new Date('2026-11-23T10:00:00.000Z'))
    expect(store.list()[0].received_at).toBe('2026-11-23T10:00:00.000Z')
  })
})
