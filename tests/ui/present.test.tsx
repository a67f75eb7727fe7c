// @vitest-environment happy-dom
// The bookkeeping of a shown card, which moved from the loader to the UI chunk (UiChunk.present):
// every step of the shopper's reaches the loader's outbox in the task it was taken, and an older
// loader, which calls open() with its own bookkeeping, still gets every step.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ShowHost, ShownCard, SurveyRequest, UiHost } from '../../src/shared/contract'
import type { SurveyDisplay, SurveyResponse } from '../../src/shared/types'
import { ui } from '../../src/ui'
import { presentWith } from '../../src/ui/present'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const REQUEST: SurveyRequest = {
  survey: 'csat-cart',
  kind: 'csat',
  locale: 'en',
  position: 'bottom-right',
  mount: null,
  auto: false,
}

let card: ShownCard | null
let steps: string[]
let stored: [SurveyResponse, boolean][]
let displays: SurveyDisplay[]
let errors: unknown[]

const host = (): ShowHost => ({
  page: window,
  detection: { stage: 'decision', touchpoint: 'cart', signal: 'url' },
  visitor: () => 'returning',
  store(response, final) {
    steps.push(final ? 'answer stored' : 'draft stored')
    stored.push([response, final])
  },
  display(display) {
    steps.push(display.event + ' stored')
    displays.push(display)
  },
  tell: (what) => void steps.push('told ' + what),
  emit: (_event, payload) => void errors.push(payload),
  closed: () => void steps.push('closed'),
})
const present = () => {
  card = ui.present!(REQUEST, host())
  return document.querySelector('[data-touchpoint-survey]')!.shadowRoot!
}
const pick = (root: ShadowRoot, index: number) =>
  root.querySelectorAll<HTMLInputElement>('input[type=radio]')[index].click()

beforeEach(() => {
  steps = []
  stored = []
  displays = []
  errors = []
})
afterEach(() => {
  card?.close()
  vi.useRealTimers()
})

describe('a shown card’s bookkeeping, in the UI chunk', () => {
  it('hands a chosen score to the loader in the task of the click, counting the card as shown first', () => {
    const root = present()
    expect(steps).toEqual([]) // nothing counted in the task that renders the card
    pick(root, 3)
    // Stored before click() returns: a page that dies right after the pick keeps the score.
    expect(steps).toEqual(['shown stored', 'told show', 'draft stored'])
    const [[draft, final]] = stored
    expect(final).toBe(false)
    expect(draft).toMatchObject({
      id: expect.stringMatching(UUID),
      survey: 'csat-cart',
      kind: 'csat',
      score: 4,
      comment: null,
      stage: 'decision',
      touchpoint: 'cart',
      url: location.origin + location.pathname,
      locale: 'en',
      visitor: 'returning',
      display: displays[0].id,
    })
    expect(displays[0]).toMatchObject({ id: expect.stringMatching(UUID), event: 'shown', survey: 'csat-cart' })
    expect(displays[0].id).not.toBe(draft.id)
  })

  it('stores the final answer with the same id as its draft, in the task of the Send click', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const root = present()
    pick(root, 4)
    await vi.advanceTimersByTimeAsync(0)
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click()
    expect(steps).toEqual(['shown stored', 'told show', 'draft stored', 'answer stored', 'told answer'])
    expect(stored[1]).toEqual([{ ...stored[0][0], score: 5 }, true])
  })

  it('stores a dismissed display after the shown one when the card is closed without a score', () => {
    const root = present()
    root.querySelector('[role=dialog]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(displays.map((display) => display.event)).toEqual(['shown', 'dismissed'])
    expect(steps.slice(0, 3)).toEqual(['shown stored', 'told show', 'dismissed stored'])
    expect(stored).toEqual([])
  })

  it('counts the card as shown once, at count() or after its first frame, whichever comes first', async () => {
    present()
    card!.count()
    card!.count()
    await card!.counted
    expect(steps).toEqual(['shown stored', 'told show'])
  })

  it('counts nothing and warns when the page hides the card, and closes it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const hidden = presentWith((_request, uiHost) => ({ close: () => uiHost.closed(), visible: false }))
    expect(hidden(REQUEST, host())).toBeNull()
    expect(steps).toEqual(['closed'])
    expect(errors).toEqual([expect.objectContaining({ code: 'hidden' })])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('csat-cart survey not visible'))
    warn.mockRestore()
  })

  it("still opens a card for an older loader, which keeps its own books through open()'s UiHost", () => {
    const older: UiHost = { choose: vi.fn(), answer: vi.fn(), dismiss: vi.fn(), closed: vi.fn() }
    card = ui.open(REQUEST, older) as ShownCard
    pick(document.querySelector('[data-touchpoint-survey]')!.shadowRoot!, 1)
    expect(older.choose).toHaveBeenCalledWith(2) // in the task of the click, as before
  })
})
