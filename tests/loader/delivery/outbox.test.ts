// The loader's half of the outbox: writing at once, and telling whether the transport chunk is
// needed. The whole outbox (the transport chunk reading and checking it) is tests/transport/outbox.test.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createOutbox } from '../../../src/loader/delivery/outbox'
import { createStorage } from '../../../src/loader/lib/storage'
import { OUTBOX_CAP } from '../../../src/shared/outbox-list'
import type { SurveyResponse } from '../../../src/shared/types'
import { response } from '../../shared/wire-schema'

let warnings: string[] = []
const outbox = () =>
  createOutbox<SurveyResponse>(
    createStorage(
      window,
      () => true,
      () => {},
    ),
    'k',
    (message) => void warnings.push(message),
  )
const stored = () => JSON.parse(localStorage.getItem('k') || '[]')

beforeEach(() => {
  localStorage.clear()
  warnings = []
})

describe('outbox, the loader half', () => {
  it('writes an answer to storage at once', () => {
    const a = response()
    outbox().put(a)
    expect(stored()).toEqual([a])
  })

  it('says something waits only when an answer is there that a tab may send now', () => {
    vi.useFakeTimers()
    const box = outbox()
    expect(box.waiting()).toBe(false)
    box.put(response(), Date.now() + 1000) // a draft its page may still complete
    expect(box.waiting()).toBe(false)
    vi.advanceTimersByTime(1001)
    expect(box.waiting()).toBe(true)
    vi.useRealTimers()
  })

  it('keeps the answers before the cut of a truncated write when it adds one, and says so once', () => {
    const [a, b] = [response(), response()]
    localStorage.setItem('k', JSON.stringify([a, response()]).slice(0, -30))
    outbox().put(b)
    expect(stored()).toEqual([a, b])
    expect(warnings).toEqual(['touchpoint: dropped unreadable data in k'])
  })

  it("leaves another script's entries for the transport chunk to check, and never names them as dropped answers", () => {
    localStorage.setItem('k', JSON.stringify([null, 'x', { id: 1 }]))
    const box = outbox()
    expect(box.waiting()).toBe(true) // worth loading the chunk, which cleans them up
    const all = Array.from({ length: OUTBOX_CAP }, () => response())
    const dropped = all.flatMap((r) => box.put(r))
    expect(dropped).toEqual([]) // the three foreign entries went first, unnamed
    expect(stored()).toEqual(all)
    expect(box.put(response())).toEqual([all[0].id])
  })
})
