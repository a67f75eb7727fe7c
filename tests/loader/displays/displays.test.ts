// @vitest-environment happy-dom
// Displays as the widget emits them: a survey card shown or dismissed becomes a display in its
// own outbox, sent with the answers (same batches, same retries), and the answer names it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { uiChunk } from '../../fixtures/ui-chunk'
import { createTouchpoint } from '../../../src/loader/core/create-touchpoint'
import { readDisplay, readResponse } from '../../../src/transport/read-response'
import { OUTBOX_CAP } from '../../../src/shared/outbox-list'
import { FIRST_SEEN_KEY } from '../../../src/loader/displays/visitor'
import { DEFAULTS, type Config } from '../../../src/shared/options'
import { diagnostics } from '../../../src/diagnostics'
import { words } from '../../../src/words'
import { surveys } from '../../../src/surveys'
import { CHUNK_API, type Chunks, type LoadChunk, type SendResult, type UiHost } from '../../../src/shared/contract'
import type { Batch, SurveyDisplay } from '../../../src/shared/types'
import { expectWireBatch, response } from '../../shared/wire-schema'
import { withCourier } from '../../transport/with-courier'

const ENDPOINT = 'https://collect.example/r'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
let host: UiHost
let visible: boolean | undefined
let sent: Batch[]
let replies: SendResult[]

const chunks: Chunks = {
  ui: uiChunk((_request, h) => ((host = h), { close: () => h.closed(), visible })),
  transport: withCourier({
    api: CHUNK_API,
    send: async (_url, batch) => (
      sent.push(expectWireBatch(JSON.parse(JSON.stringify(batch)))),
      replies.shift() || { ok: true, status: 200, retry: false }
    ),
    withLock: (_name, fn) => fn(),
  }),
  diagnostics,
  words,
  surveys,
}
const loadChunk: LoadChunk = async (name) => chunks[name]
const start = (config: Partial<Config> = {}) =>
  createTouchpoint({ ...DEFAULTS, endpoint: ENDPOINT, ...config }, window, loadChunk)
const displays = () => sent.flatMap((batch) => batch.displays ?? [])
const waiting = () => JSON.parse(localStorage.getItem('tp:d:' + ENDPOINT) || '[]') as SurveyDisplay[]

beforeEach(() => {
  sent = []
  replies = []
  visible = undefined
  localStorage.clear()
  history.replaceState(null, '', '/checkout/order-received/12/?key=wc_order_secret#x')
  // A phone: happy-dom's window is 1024 px wide unless told otherwise.
  vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(390)
})
afterEach(() => vi.restoreAllMocks())

describe('displays', () => {
  it('sends a shown display when a card is shown, and the answer names it, with device and visitor on both', async () => {
    const tp = start()
    const shownEvents: unknown[] = []
    tp.on('show', (event) => shownEvents.push(event))
    expect(await tp.show('csat')).toBe(true)
    host.choose(5)
    host.answer(5, null)
    await tp.flush()
    const [shown] = displays()
    expect(shown).toEqual({
      id: expect.stringMatching(UUID),
      event: 'shown',
      survey: 'csat',
      kind: 'csat',
      stage: 'purchase',
      touchpoint: 'confirmation',
      url: location.origin + '/checkout/order-received/12/',
      locale: 'en',
      at: expect.any(String),
      device: 'phone',
      visitor: 'new',
    })
    const [answer] = sent.flatMap((batch) => batch.responses)
    expect(answer).toMatchObject({ display: shown.id, device: 'phone', visitor: 'new', score: 5 })
    expect(answer.id).not.toBe(shown.id)
    // One batch holds both: the display goes with the answer it counts.
    expect(sent).toHaveLength(1)
    expect(shownEvents).toEqual([expect.objectContaining({ display: shown.id })])
  })

  it('sends a dismissed display, after the shown one, when the shopper closes the card without a score', async () => {
    const tp = start()
    await tp.show('nps', 'nps-account')
    host.dismiss()
    await tp.flush()
    expect(displays().map((d) => [d.event, d.survey, d.kind])).toEqual([
      ['shown', 'nps-account', 'nps'],
      ['dismissed', 'nps-account', 'nps'],
    ])
    const [shown, dismissed] = displays()
    expect(dismissed.id).not.toBe(shown.id)
    expect(dismissed.id).toMatch(UUID)
    expect(dismissed).not.toHaveProperty('display')
    expect(sent.flatMap((batch) => batch.responses)).toEqual([])
  })

  it('counts nothing as shown when the page hides the card', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    visible = false
    const tp = start()
    expect(await tp.show('csat')).toBe(false)
    await tp.flush()
    expect(displays()).toEqual([])
    expect(waiting()).toEqual([])
  })

  it('keeps displays in storage until a 2xx, retrying after a failure as it does answers', async () => {
    replies = [{ ok: false, status: 503, retry: true }]
    const tp = start()
    await tp.show('emotion')
    await tp.flush()
    expect(sent).toHaveLength(1)
    expect(waiting().map((d) => d.event)).toEqual(['shown'])
    await tp.flush()
    expect(sent).toHaveLength(2)
    expect(sent[1].displays).toEqual(sent[0].displays)
    expect(waiting()).toEqual([])
  })

  it('drops displays with the batch a collector refuses for good (4xx), as it does answers', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    replies = [{ ok: false, status: 422, retry: false }]
    const tp = start()
    await tp.show('csat')
    await tp.flush()
    expect(waiting()).toEqual([])
  })

  it('marks the first-seen day on a page view without a survey, so that the shopper is returning tomorrow', async () => {
    start()
    await vi.waitFor(() => expect(localStorage.getItem(FIRST_SEEN_KEY)).toMatch(/^\d+$/))
    localStorage.setItem(FIRST_SEEN_KEY, String(Number(localStorage.getItem(FIRST_SEEN_KEY)) - 1))
    const tp = start()
    await tp.show('csat')
    host.answer(4, null)
    await tp.flush()
    expect(displays()[0].visitor).toBe('returning')
    expect(sent[0].responses[0].visitor).toBe('returning')
  })

  it('never lets displays push an answer out: each outbox has its own cap', async () => {
    const tp = start()
    replies = Array.from({ length: 10 }, () => ({ ok: false, status: 503, retry: true }))
    await tp.show('csat')
    host.answer(3, null)
    // A full display outbox (left by earlier page views), then two more displays.
    const full = Array.from({ length: OUTBOX_CAP }, (_, i) => ({
      ...waiting()[0],
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }))
    localStorage.setItem('tp:d:' + ENDPOINT, JSON.stringify(full))
    host.closed()
    await tp.show('nps')
    host.dismiss()
    const answers = JSON.parse(localStorage.getItem('tp:o:' + ENDPOINT) || '[]')
    expect(answers).toHaveLength(1)
    expect(waiting()).toHaveLength(OUTBOX_CAP)
    // The oldest displays went first.
    expect(
      waiting()
        .slice(-2)
        .map((d) => d.event),
    ).toEqual(['shown', 'dismissed'])
  })
})

describe('reading displays and the optional answer fields back from storage', () => {
  const display = (overrides: Partial<SurveyDisplay> = {}): SurveyDisplay => ({
    id: '00000000-0000-4000-8000-00000000d15b',
    event: 'shown',
    survey: 'csat',
    kind: 'csat',
    stage: 'purchase',
    touchpoint: 'confirmation',
    url: 'https://shop.example/thank-you/',
    locale: 'en',
    at: '2026-11-23T09:59:58.000Z',
    device: 'tablet',
    visitor: 'returning',
    ...overrides,
  })

  it('rebuilds a display from its own fields, leaving out what is not a display field', () => {
    expect(readDisplay({ ...display(), score: 5, comment: 'x', junk: 1 })).toEqual(display())
  })

  it.each([[{ event: 'clicked' }], [{ id: 'x' }], [{ kind: 'stars' }], [{ at: 'yesterday' }], [{ survey: '' }]])(
    'refuses a stored display with %j',
    (overrides) => {
      expect(readDisplay({ ...display(), ...overrides })).toBeNull()
    },
  )

  it('keeps an answer whose optional field is bad, leaving only that field out', () => {
    const answer = response({ display: '00000000-0000-4000-8000-00000000d15b', device: 'phone', visitor: 'new' })
    expect(readResponse(answer)).toEqual(answer)
    expect(readResponse({ ...answer, device: 'watch', visitor: 7, display: 'no' })).toEqual(response({ id: answer.id }))
  })
})
