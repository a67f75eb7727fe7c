// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SurveyRequest } from '../../src/shared/contract'
import { buildCard, fits, removeCard, reveal, type Card } from '../../src/ui/card'
import { open, prepare } from '../../src/ui/open-survey'

// A card prepared ahead serves a show() only when it shows what that show asks for on the page as
// it is then (card.tsx `fits`); otherwise open() renders anew. docs/targeting.md promises a new
// card when the language, the wording, the touchpoint, the question or the direction changed.

const REQUEST: SurveyRequest = {
  survey: 'emotion',
  kind: 'emotion',
  locale: 'en',
  touchpoint: 'product',
  position: 'bottom-right',
  mount: null,
  auto: true,
}

let cards: Card[] = []
const build = (request: SurveyRequest = REQUEST) => {
  const card = buildCard(request, { warn: () => {} }, true)
  cards.push(card)
  return card
}

afterEach(() => {
  cards.forEach((card) => card.el.isConnected && removeCard(card))
  cards = []
  document.documentElement.dir = ''
  delete (window as { visualViewport?: unknown }).visualViewport
})

describe('a prepared card fits a request', () => {
  it('when all of it agrees; whether a trigger or the store asks does not matter', () => {
    const card = build()
    expect(fits(card, { ...REQUEST })).toBe(true)
    expect(fits(card, { ...REQUEST, auto: false })).toBe(true)
  })

  it.each<[string, Partial<SurveyRequest>]>([
    ['another survey of another kind', { survey: 'nps', kind: 'nps' }],
    ['another language', { locale: 'vi' }],
    ['another touchpoint (the question is worded for the page)', { touchpoint: 'cart' }],
    ["the store's own question", { question: 'How was the fit?' }],
    ["the store's own wording", { strings: { en: { send: 'Go' } } }],
    ['another corner', { position: 'bottom-left' }],
    ['another accent', { accent: '#c00' }],
    ['a CSP nonce', { nonce: 'abc' }],
  ])('not for %s', (_, change) => {
    expect(fits(build(), { ...REQUEST, ...change })).toBe(false)
  })

  it('not once the page turned right-to-left, nor once the card left the document', () => {
    const card = build()
    document.documentElement.dir = 'rtl'
    expect(fits(card, REQUEST)).toBe(false)
    document.documentElement.dir = ''
    expect(fits(card, REQUEST)).toBe(true)
    card.el.remove() // a theme's script replacing the body's children
    expect(fits(card, REQUEST)).toBe(false)
  })
})

describe('a prepared card', () => {
  it('follows the viewport only once shown: no listener runs for a card whose trigger never fires', () => {
    const viewport = Object.assign(new EventTarget(), { offsetLeft: 0, offsetTop: 0, width: 1280, height: 800 })
    const listen = vi.spyOn(viewport, 'addEventListener')
    ;(window as { visualViewport?: unknown }).visualViewport = viewport
    const card = build()
    expect(card.el.inert).toBe(true)
    expect(listen).not.toHaveBeenCalled()
    reveal(card)
    expect(card.el.inert).toBe(false)
    expect(card.el.getAttribute('data-touchpoint-survey')).toBe('emotion')
    expect(listen.mock.calls.map(([type]) => type)).toEqual(['resize', 'scroll'])
    const unlisten = vi.spyOn(viewport, 'removeEventListener')
    removeCard(card)
    expect(unlisten).toHaveBeenCalledTimes(2)
  })

  it('is taken away by prepare(null), at a new page view, and one being prepared is not made', () => {
    const idle: (() => void)[] = []
    const win = window as { requestIdleCallback?: (fn: () => void) => void }
    win.requestIdleCallback = (fn) => void idle.push(fn)
    const hosts = () => document.querySelectorAll('body > [inert]').length
    try {
      prepare(REQUEST, { warn: () => {} })
      idle.shift()!() // its render
      expect(hosts()).toBe(1)
      prepare(null, { warn: () => {} })
      expect(hosts()).toBe(0)
      // Asked for, then a navigation before its idle step: nothing is rendered.
      prepare(REQUEST, { warn: () => {} })
      prepare(null, { warn: () => {} })
      while (idle.length) idle.shift()!()
      expect(hosts()).toBe(0)
    } finally {
      delete win.requestIdleCallback
      document.querySelectorAll('body > [inert]').forEach((el) => el.remove())
    }
  })

  it("that another survey's show() does not fit is taken away after the shown card's first frame, at idle", async () => {
    const idle: (() => void)[] = []
    const win = window as { requestIdleCallback?: (fn: () => void) => void }
    win.requestIdleCallback = (fn) => void idle.push(fn)
    const hosts = () => document.querySelectorAll('body > [inert]').length
    const noop = () => {}
    try {
      prepare(REQUEST, { warn: noop })
      while (idle.length) idle.shift()!() // rendered, styled, laid out
      expect(hosts()).toBe(1)
      const host = { choose: noop, answer: noop, dismiss: noop, closed: noop }
      const handle = open({ ...REQUEST, survey: 'nps', kind: 'nps', auto: false }, host)
      // Not in the task that renders the NPS card, nor in its first frame, nor in the task after it.
      expect(hosts()).toBe(1)
      await new Promise((frame) => requestAnimationFrame(frame))
      await new Promise((task) => setTimeout(task, 0))
      expect(hosts()).toBe(1)
      expect(idle).toHaveLength(1)
      idle.shift()!()
      expect(hosts()).toBe(0)
      expect(document.querySelector('[data-touchpoint-survey=nps]')).not.toBeNull()
      handle.close()
    } finally {
      delete win.requestIdleCallback
      document.querySelectorAll('body > [inert]').forEach((el) => el.remove())
    }
  })
})
