// @vitest-environment node
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
