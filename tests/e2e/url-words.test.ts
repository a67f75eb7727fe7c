// URL words in German, French … are not in the loader: a page whose <html lang> is one of those
// languages fetches touchpoint-words.js next to the loader, and the stage follows once it is in.
// Seen from the store's side in Chromium: the built files, a page that says its kind only in
// its URL, and what the widget asks for on the network.
import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appears, page, ROOT, tag, useHarness, type TagAttributes } from './harness'

const store = (lang: string, attributes: TagAttributes = {}) =>
  page({ lang, title: 'Laden', tag: tag({ async: true, ...attributes }) })

const harness = useHarness({
  '/de/warenkorb/': store('de-DE', { 'data-surveys': 'cart:csat@delay=0s' }),
  '/fr/mon-compte/commandes/': store('fr'),
  '/en/shopping-bag/': store('en-US'),
  '/warenkorb/': store('en'),
  // The loader under /missing/ too, where the shop has no words chunk (it answers 404).
  '/missing/warenkorb/': store('de', { src: '/missing/touchpoint.js' }),
  '/missing/touchpoint.js': () => readFileSync(join(ROOT, 'dist/touchpoint.js'), 'utf8'),
})

// Before any page script: the stub queues a `stage` listener, so the change the words bring is
// heard even when it comes before the test asks; `stageChanged` settles on the first one.
const HEAR_STAGES = () => {
  const w = window as any
  w.stages = []
  w.touchpoint = function () {
    // eslint-disable-next-line prefer-rest-params
    ;(w.touchpoint.q = w.touchpoint.q || []).push(arguments)
  }
  w.stageChanged = new Promise((resolve) =>
    w.touchpoint('on', 'stage', (detection: unknown) => resolve(w.stages.push(detection))),
  )
}

/** Opens `path`, recording the stage events and every script the page asks for. */
async function visit(path: string) {
  const scripts: string[] = []
  const visited = await harness.visit(path, {
    init: HEAR_STAGES,
    listen: (tab) =>
      tab.on('request', (request) => {
        if (request.resourceType() == 'script') scripts.push(new URL(request.url()).pathname)
      }),
  })
  return { ...visited, scripts }
}

const detect = (tab: Page) => tab.evaluate(() => (window as any).touchpoint.detect())

/** The `stage` event the words bring (a deadline, not a wait, for a test that fails). */
const stageChange = (tab: Page) =>
  tab.evaluate(() =>
    Promise.race([
      (window as any).stageChanged,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no stage event within 10 s')), 10_000)),
    ]),
  )

describe('URL words in the page language', () => {
  it('fetches the German words on a German page: the cart is a cart, and its survey shows there', async () => {
    const { tab, scripts, errors } = await visit('/de/warenkorb/')
    // The stage changed when the words came in, and the store's code heard it.
    await stageChange(tab)
    expect(await detect(tab)).toEqual({ stage: 'decision', touchpoint: 'cart', signal: 'url' })
    expect(scripts).toContain('/touchpoint-words.js')
    expect(await tab.evaluate(() => (window as any).stages.map((d: any) => d.touchpoint))).toEqual(['cart'])
    // Targeting followed: the survey for carts is due on this page.
    await appears(tab)
    expect(errors).toEqual([])
  })

  it('reads French words on a French page (a sub-tag-free lang)', async () => {
    const { tab, scripts } = await visit('/fr/mon-compte/commandes/')
    await stageChange(tab)
    expect(await detect(tab)).toMatchObject({ stage: 'retention', touchpoint: 'account' })
    expect(scripts).toContain('/touchpoint-words.js')
  })

  it('never fetches them on an English page', async () => {
    const { tab, scripts } = await visit('/en/shopping-bag/')
    expect(await detect(tab)).toMatchObject({ touchpoint: 'cart', signal: 'url' })
    // A chunk the loader asks for before the load event delays it: after it, every request was made.
    await tab.waitForLoadState('load')
    expect(scripts).toContain('/touchpoint.js')
    expect(scripts).not.toContain('/touchpoint-words.js')
  })

  it('reads a German word on a page that says it is English as nothing (the documented limit)', async () => {
    const { tab, scripts } = await visit('/warenkorb/')
    await tab.waitForLoadState('load')
    expect(await detect(tab)).toMatchObject({ touchpoint: 'other', signal: 'none' })
    expect(scripts).not.toContain('/touchpoint-words.js')
  })

  it('keeps working when the words cannot be fetched: no error on the page, the stage from what the loader has', async () => {
    const { tab, scripts, errors } = await visit('/missing/warenkorb/')
    // The failed chunk's error event comes before the load event it delayed: by then the loader
    // has handled it, and taken its <script> out again.
    await tab.waitForLoadState('load')
    expect(await tab.evaluate(() => document.querySelectorAll('script[src*="touchpoint-words"]').length)).toBe(0)
    expect(scripts).toContain('/missing/touchpoint-words.js')
    expect(await detect(tab)).toMatchObject({ touchpoint: 'other', signal: 'none' })
    expect(await tab.evaluate(() => typeof (window as any).touchpoint.show)).toBe('function')
    expect(errors).toEqual([])
  })
})
