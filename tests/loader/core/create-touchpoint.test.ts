// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { uiChunk } from '../../fixtures/ui-chunk'
import { createTouchpoint } from '../../../src/loader/core/create-touchpoint'
import { DEFAULTS, type Config } from '../../../src/shared/options'
import { diagnostics } from '../../../src/diagnostics'
import { words } from '../../../src/words'
import { surveys } from '../../../src/surveys'
import { CHUNK_API, type Chunks, type LoadChunk, type SurveyRequest, type UiHost } from '../../../src/shared/contract'
import type { Batch } from '../../../src/shared/types'
import packageJson from '../../../package.json'
import { openPage } from '../../fixtures/load-page'
import { withCourier } from '../../transport/with-courier'

let host: UiHost
let request: SurveyRequest
let sent: Batch[]
let closed: number

const chunks: Chunks = {
  ui: uiChunk((r, h) => ((request = r), (host = h), { close: () => closed++ })),
  transport: withCourier({
    api: CHUNK_API,
    send: async (_url, batch) => (sent.push(batch), { ok: true, status: 200, retry: false }),
    withLock: (_name, fn) => fn(),
  }),
  diagnostics,
  words,
  surveys,
}
const loadChunk: LoadChunk = async (name) => chunks[name]
const start = (config: Partial<Config> = {}) =>
  createTouchpoint({ ...DEFAULTS, endpoint: 'https://collect.example/r', ...config }, window, loadChunk)

beforeEach(() => {
  sent = []
  closed = 0
  localStorage.clear()
  history.replaceState(null, '', '/checkout/order-received/12/?key=wc_order_secret#x')
})
afterEach(() => vi.restoreAllMocks())

describe('createTouchpoint', () => {
  it('turns a shown survey into one wire-format answer carrying the page and its journey position', async () => {
    const tp = start({ locale: 'vi-VN', questions: { csat: 'Mua hàng có dễ không?' } })
    const events: string[] = []
    tp.on('show', (e) => events.push('show:' + e.score))
    tp.on('answer', (e) => events.push('answer:' + e.score))
    expect(await tp.show('csat')).toBe(true)
    expect(request).toMatchObject({
      survey: 'csat',
      kind: 'csat',
      locale: 'vi',
      question: 'Mua hàng có dễ không?',
      auto: false,
    })
    host.choose(4)
    // The UI masks comments (CHUNK_API 2); the loader sends what it is handed.
    host.answer(4, 'write me at [email]')
    await tp.flush()
    const [response] = sent.flatMap((b) => b.responses)
    expect(response).toMatchObject({
      survey: 'csat',
      kind: 'csat',
      score: 4,
      emotion: null,
      touchpoint: 'confirmation',
      stage: 'purchase',
      locale: 'vi',
      url: location.origin + '/checkout/order-received/12/',
    })
    expect(response.comment).toBe('write me at [email]')
    expect(response.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(events).toEqual(['show:null', 'answer:4'])
  })

  it('gives the draft of a chosen score and the final answer the same time, so the collector accepts the comment', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-23T10:00:00.000Z') })
    try {
      const tp = start()
      await tp.show('nps')
      vi.setSystemTime(new Date('2026-11-23T10:00:07.000Z'))
      host.choose(3)
      const draft = JSON.stringify(localStorage.getItem('tp:o:https://collect.example/r'))
      vi.setSystemTime(new Date('2026-11-23T10:01:30.000Z'))
      host.answer(3, 'the courier was late')
      await tp.flush()
      const [response] = sent.flatMap((b) => b.responses)
      expect(response.at).toBe('2026-11-23T10:00:00.000Z')
      expect(draft).toContain(response.at)
    } finally {
      vi.useRealTimers()
    }
  })

  it('labels emotion answers with their face', async () => {
    const tp = start()
    await tp.show('emotion')
    host.answer(2, null)
    await tp.flush()
    expect(sent[0].responses[0]).toMatchObject({ kind: 'emotion', score: 2, emotion: 'disappointed', comment: null })
  })

  it('shows one survey at a time and refuses unknown kinds with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const tp = start()
    expect(await tp.show('nps')).toBe(true)
    expect(await tp.show('csat')).toBe(false)
    expect(await tp.show('stars' as never)).toBe(false)
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('show("stars")')))
    host.answer(3, null)
    expect(await tp.show('csat')).toBe(false) // its thank-you is still on screen
    host.closed()
    expect(await tp.show('csat')).toBe(true)
  })

  it('shows nothing and sends nothing before consent when consent is required', async () => {
    const tp = start({ consent: 'required' })
    expect(await tp.show('nps')).toBe(false)
    tp.consent(true)
    expect(await tp.show('nps')).toBe(true)
  })

  it('does not take a string for consent: consent("false") warns and leaves the gate shut', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const tp = start({ consent: 'required' })
    tp.consent('false' as never)
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith('touchpoint: consent("false") needs true or false; nothing changed'),
    )
    expect(await tp.show('nps')).toBe(false)
  })

  it('warns about a misspelt event or a missing listener instead of listening to nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const tp = start()
    const off = tp.on('answr' as never, () => {})
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('touchpoint: on("answr", …) needs one of show, answer'),
      ),
    )
    expect(() => off()).not.toThrow()
    tp.on('show', 'not a function' as never)
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2))
    const seen: string[] = []
    tp.on('show', (r) => seen.push(r.kind))
    await tp.show('csat')
    expect(seen).toEqual(['csat'])
  })

  it('answers the command form and warns about unknown commands', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const tp = start()
    expect((tp('detect') as { touchpoint: string }).touchpoint).toBe('confirmation')
    tp('nonsense')
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('touchpoint: unknown command "nonsense"; nothing done'))
  })

  it('lets setStage override detection and fires stage events on change only', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const tp = start()
    const stages: string[] = []
    tp.on('stage', (d) => stages.push(d.touchpoint))
    tp.setStage('cart')
    tp.setStage('cart')
    expect(tp.detect()).toEqual({ stage: 'decision', touchpoint: 'cart', signal: 'explicit' })
    tp.setStage('nowhere' as never) // what a plain-JavaScript caller can still pass
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('setStage("nowhere"): not a touchpoint or stage name')),
    )
    tp.setStage(null)
    expect(stages).toEqual(['cart', 'confirmation'])
  })

  it('wraps dataLayer.push once for detection and consent, and both hear every push', async () => {
    const w = window as any
    const dataLayer: unknown[] = []
    let push = dataLayer.push
    let replaced = 0
    Object.defineProperty(dataLayer, 'push', {
      configurable: true,
      get: () => push,
      set: (fn) => {
        replaced++
        push = fn
      },
    })
    w.dataLayer = dataLayer
    function gtag(..._: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      w.dataLayer.push(arguments)
    }
    try {
      gtag('consent', 'default', { analytics_storage: 'denied' })
      history.replaceState(null, '', '/welcome')
      const tp = start()
      expect(replaced).toBe(1)
      const stages: string[] = []
      tp.on('stage', (d) => stages.push(d.touchpoint))
      expect(await tp.show('csat')).toBe(false) // consent heard the default already in dataLayer
      w.dataLayer.push({ event: 'view_cart' }) // detection hears a push…
      gtag('consent', 'update', { analytics_storage: 'granted' }) // …and so does consent
      expect(stages).toEqual(['cart'])
      expect(await tp.show('csat')).toBe(true)
      expect(replaced).toBe(1)
      expect(w.dataLayer).toHaveLength(3)
    } finally {
      delete w.dataLayer
    }
  })

  it('on a German page, asks for the words chunk and moves to the stage its words give', async () => {
    // A page of its own: the shared window's earlier instances would re-detect on their own.
    const page = await openPage(
      '<!doctype html><html lang="de-DE"><body><h1>Warenkorb</h1></body></html>',
      '/de/warenkorb/',
    )
    try {
      const asked: string[] = []
      const counting: LoadChunk = (name) => (asked.push(name), loadChunk(name))
      const german = page as unknown as Window
      const tp = createTouchpoint({ ...DEFAULTS, endpoint: 'https://collect.example/r' }, german, counting)
      const stages: string[] = []
      tp.on('stage', (d) => stages.push(d.touchpoint))
      expect(asked).toContain('words')
      // Before the chunk is in, URL words speak English and Vietnamese only.
      expect(tp.detect()).toMatchObject({ touchpoint: 'other' })
      await vi.waitFor(() => expect(stages).toEqual(['cart']))
      expect(tp.detect()).toEqual({ stage: 'decision', touchpoint: 'cart', signal: 'url' })
    } finally {
      await page.happyDOM.close()
    }
  })

  it('never asks for the words chunk on a page in English', () => {
    const asked: string[] = []
    document.documentElement.lang = 'en'
    createTouchpoint({ ...DEFAULTS }, window, (name) => (asked.push(name), loadChunk(name)))
    document.documentElement.lang = ''
    expect(asked).not.toContain('words')
  })

  it("names package.json's version", () => {
    expect(start().version).toBe(packageJson.version)
  })

  it('keeps a throwing listener from breaking the widget', async () => {
    const tp = start()
    tp.on('show', () => {
      throw new Error('store bug')
    })
    expect(await tp.show('nps')).toBe(true)
  })
})
