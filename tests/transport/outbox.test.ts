import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createOutbox as createWriter } from '../../src/loader/delivery/outbox'
import { readOutbox } from '../../src/transport/outbox'
import { OUTBOX_CAP } from '../../src/shared/outbox-list'
import { createStorage, type SafeStorage } from '../../src/loader/lib/storage'
import { response } from '../shared/wire-schema'
import type { SurveyResponse } from '../../src/shared/types'

// The outbox as a whole: the loader writes it (put), the transport chunk reads it (due, remove).
const createOutbox = (storage: SafeStorage, key: string, onDrop: (message: string) => void) => ({
  ...createWriter<SurveyResponse>(storage, key, onDrop),
  ...readOutbox(storage, key, onDrop),
})

const storage = () =>
  createStorage(
    window,
    () => true,
    () => {},
  )
/** Everything stored under `key`, drafts included, without the draft mark. */
const all = (key = 'k') =>
  (JSON.parse(localStorage.getItem(key) || '[]') as ({ _d?: number } & Record<string, unknown>)[]).map(
    ({ _d, ...r }) => r,
  )

/** What the outbox reported dropping. */
let warnings: string[] = []
const warn = (message: string) => void warnings.push(message)

beforeEach(() => {
  localStorage.clear()
  warnings = []
})

describe('outbox', () => {
  it('keeps an answer through a reload: a new outbox on the same storage still has it', () => {
    const a = response()
    createOutbox(storage(), 'tp:o:https://a/r', warn).put(a)
    expect(createOutbox(storage(), 'tp:o:https://a/r', warn).due()).toEqual([a])
  })

  it('keeps the answers of each endpoint apart', () => {
    createOutbox(storage(), 'tp:o:https://a/r', warn).put(response())
    expect(createOutbox(storage(), 'tp:o:https://b/r', warn).due()).toEqual([])
  })

  it('replaces a draft with the final answer of the same id, in its place', () => {
    const outbox = createOutbox(storage(), 'k', warn)
    const a = response()
    const b = response()
    outbox.put(a, Date.now() + 60000)
    outbox.put(b)
    outbox.put({ ...a, comment: 'fast delivery' })
    expect(all().map((r) => [r.id, r.comment])).toEqual([
      [a.id, 'fast delivery'],
      [b.id, null],
    ])
  })

  it('holds a draft back from sending while its page may still complete it, and never puts the mark on the wire', () => {
    vi.useFakeTimers()
    const outbox = createOutbox(storage(), 'k', warn)
    const a = response()
    outbox.put(a, Date.now() + 1000)
    expect(outbox.due()).toEqual([])
    expect(all()).toEqual([a])
    vi.advanceTimersByTime(1001)
    expect(outbox.due()).toEqual([a])
    vi.useRealTimers()
  })

  it('removes only the acknowledged ids, keeping answers another tab added meanwhile', () => {
    const outbox = createOutbox(storage(), 'k', warn)
    const [a, b] = [response(), response()]
    outbox.put(a)
    createOutbox(storage(), 'k', warn).put(b) // the other tab
    outbox.remove([a.id])
    expect(outbox.due()).toEqual([b])
    outbox.remove([b.id])
    expect(localStorage.getItem('k')).toBeNull()
  })

  it(`drops the oldest answers past ${OUTBOX_CAP} and names them`, () => {
    const outbox = createOutbox(storage(), 'k', warn)
    const all = Array.from({ length: OUTBOX_CAP + 2 }, () => response())
    const dropped = all.flatMap((r) => outbox.put(r))
    expect(dropped).toEqual([all[0].id, all[1].id])
    expect(outbox.due()).toHaveLength(OUTBOX_CAP)
    expect(outbox.due()[0]).toEqual(all[2])
  })

  it('keeps answers in memory when storage is blocked, reporting it once', () => {
    const blocked = {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError')
      },
    } as unknown as Window
    const onFallback = vi.fn()
    const outbox = createOutbox(
      createStorage(blocked, () => true, onFallback),
      'k',
      warn,
    )
    const [a, b] = [response(), response()]
    outbox.put(a)
    outbox.put(b)
    expect(outbox.due()).toEqual([a, b])
    expect(onFallback).toHaveBeenCalledTimes(1)
  })

  it('keeps answers in memory when storage is full', () => {
    const full = {
      localStorage: {
        getItem: () => null,
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError')
        },
        removeItem() {},
      },
    } as unknown as Window
    const onFallback = vi.fn()
    const outbox = createOutbox(
      createStorage(full, () => true, onFallback),
      'k',
      warn,
    )
    const a = response()
    outbox.put(a)
    expect(outbox.due()).toEqual([a])
    expect(onFallback).toHaveBeenCalledTimes(1)
  })

  it('reads unreadable storage as an empty outbox instead of throwing, and says so once', () => {
    localStorage.setItem('k', '{not json')
    const outbox = createOutbox(storage(), 'k', warn)
    expect(outbox.due()).toEqual([])
    expect(outbox.due()).toEqual([])
    expect(warnings).toEqual(['touchpoint: dropped unreadable data in k'])
  })

  it('keeps the answers before the cut of a truncated write, and the draft mark of each', () => {
    const [a, b] = [response(), response({ comment: 'braces } and ], too' })]
    localStorage.setItem('k', JSON.stringify([a, { ...b, _d: 1 }, response()]).slice(0, -40))
    expect(createOutbox(storage(), 'k', warn).due()).toEqual([a, b])
    expect(JSON.parse(localStorage.getItem('k')!)[1]._d).toBe(1)
    expect(warnings).toHaveLength(1)
  })

  it('keeps answers whose fields are all valid, dropping the rest: null, strings, other shapes, bad scores', () => {
    const good = [
      response(),
      response({ kind: 'emotion', score: 5, emotion: 'delighted' }),
      response({ kind: 'nps', score: 0 }),
    ]
    const bad = [
      null,
      'x',
      4,
      [],
      { id: 1 },
      response({ score: 6 }),
      response({ kind: 'nps', score: 4.5 }),
      response({ emotion: 'pleased' }),
      response({ kind: 'emotion', score: 2, emotion: null }),
      response({ at: 'yesterday' }),
      { ...response(), comment: undefined },
      response({ survey: '' }),
    ]
    localStorage.setItem('k', JSON.stringify([bad[0], good[0], ...bad.slice(1), good[1], good[2]]))
    expect(createOutbox(storage(), 'k', warn).due()).toEqual(good)
    expect(warnings).toHaveLength(1)
  })
})
