import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { appears, page, ROOT, stub, tag, useHarness, type Visit } from './harness'

const PACKAGE_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version

const STUB = stub(
  "touchpoint('setStage','cart')",
  "touchpoint('on','stage',function(d){window.stages=(window.stages||[]).concat(d.touchpoint)})",
)
const ASYNC = tag({ async: true })

const harness = useHarness({
  '/head': page({ where: 'head' }),
  '/body': page(),
  '/async': page({ tag: ASYNC, where: 'head' }),
  '/queued': page({ head: STUB, tag: ASYNC }),
  // The first instance is kept aside between the tags, to compare with what the page has after both ran.
  '/twice': page({ tag: tag() + '<script>window.first=touchpoint</script>' + tag({ 'data-endpoint': '/other' }) }),
  '/bad': page({
    tag: tag({
      'data-endpoint': 'ftp://x',
      'data-sample': 'lots',
      'data-position': 'middle',
      'data-batch-size': '0',
      async: true,
    }),
  }),
  '/none': page({ tag: tag({ 'data-endpoint': false, async: true }) }),
  // A CDN still serving last month's UI chunk next to today's loader.
  '/old/shop': page({ tag: tag({ src: '/old/touchpoint.js', async: true }) }),
  '/old/touchpoint.js': readFileSync(join(ROOT, 'dist/touchpoint.js'), 'utf8'),
  '/old/touchpoint-ui.js': `(window.__touchpoint_chunks ||= {}).ui = { api: 1, open() { document.body.append('old UI'); return { close() {} } } }`,
  // A CDN still serving the UI chunk of the release before present() (the card's bookkeeping moved
  // into the UI chunk) next to today's loader: the same chunk without it, as that release had.
  '/mix/shop': page({ tag: tag({ src: '/mix/touchpoint.js', 'data-debug': true }) }),
  '/mix/touchpoint.js': readFileSync(join(ROOT, 'dist/touchpoint.js'), 'utf8'),
  '/mix/touchpoint-diagnostics.js': readFileSync(join(ROOT, 'dist/touchpoint-diagnostics.js'), 'utf8'),
  '/mix/touchpoint-ui.js':
    readFileSync(join(ROOT, 'dist/touchpoint-ui.js'), 'utf8') + ';delete window.__touchpoint_chunks.ui.present',
})

/** The console warnings of a visit, as the store's developer reads them. */
const warnings = ({ lines }: Visit) => lines.filter((l) => l.startsWith('warning: ')).map((l) => l.slice(9))

describe('the CDN loader in Chromium', () => {
  for (const path of ['/head', '/body', '/async']) {
    it(`exposes window.touchpoint from a tag in ${path.slice(1)}`, async () => {
      const { tab } = await harness.visit(path)
      const api = await tab.evaluate(() => {
        const t = (window as any).touchpoint
        return {
          version: t.version,
          methods: ['detect', 'show', 'on', 'flush', 'setStage', 'consent', 'track'].filter(
            (m) => typeof t[m] == 'function',
          ),
          detect: t.detect(),
        }
      })
      expect(api.methods).toHaveLength(7)
      expect(api.version).toBe(PACKAGE_VERSION) // written in by the build, never by hand
      expect(api.detect).toEqual({ stage: 'awareness', touchpoint: 'other', signal: 'none' })
    })
  }

  it('replays calls queued by the stub, in order', async () => {
    const { tab } = await harness.visit('/queued')
    expect(await tab.evaluate(() => (window as any).touchpoint.detect().touchpoint)).toBe('cart')
    await tab.evaluate(() => (window as any).touchpoint('setStage', 'confirmation'))
    expect(await tab.evaluate(() => (window as any).stages)).toEqual(['confirmation'])
    expect(await tab.evaluate(() => (window as any).touchpoint('detect').stage)).toBe('purchase')
  })

  it('runs one instance when the tag is pasted twice', async () => {
    const visit = await harness.visit('/twice')
    const { tab } = visit
    const scripts = await tab.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/touchpoint.js')).length,
    )
    expect(scripts).toBe(1) // the same URL is fetched once, and run twice
    const after = await tab.evaluate(async () => ({
      kept: (window as any).first === (window as any).touchpoint,
      // A second instance that found window.touchpoint taken would sit here.
      second: typeof (window as any).touchpointSurvey,
      shown: await (window as any).touchpoint.show('csat'),
    }))
    expect(after).toEqual({ kept: true, second: 'undefined', shown: true })
    await appears(tab)
    expect(await tab.evaluate(() => document.querySelectorAll('[data-touchpoint-survey]').length)).toBe(1)
    // Worded by the diagnostics chunk, which the second tag loads to say it.
    await visit.logged(/two tags/)
    expect(warnings(visit)).toEqual([
      expect.stringMatching(/two tags, data-endpoint \S+\/collect and \S+\/other: the second is ignored/),
    ])
  })

  it('warns once per bad attribute, naming it and the value used, and never throws', async () => {
    const visit = await harness.visit('/bad')
    // Worded by the diagnostics chunk, which loads after the loader has run.
    for (const attribute of ['data-endpoint', 'data-sample', 'data-position', 'data-batch-size'])
      await visit.logged(new RegExp(`^warning: .*${attribute}=`))
    const mine = warnings(visit)
    expect(mine.filter((w) => w.includes('data-endpoint="ftp://x"'))).toHaveLength(1)
    expect(mine.find((w) => w.includes('data-sample="lots"'))).toMatch(/using the default, 100/)
    expect(mine.find((w) => w.includes('data-position="middle"'))).toMatch(/using the default position, bottom-right/)
    expect(mine.find((w) => w.includes('data-batch-size="0"'))).toMatch(/using the default, 10/)
    expect(await visit.tab.evaluate(() => (window as any).touchpoint.show('nps'))).toBe(false)
  })

  it('says data-endpoint is required when it is missing', async () => {
    const visit = await harness.visit('/none')
    expect(await visit.logged(/data-endpoint/)).toMatch(/data-endpoint is required/)
  })

  it('loads the survey UI chunk only when a survey is shown (and the transport chunk once its card is on screen)', async () => {
    const { tab } = await harness.visit('/body')
    const chunks = () =>
      tab.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name.split('/').pop())
          .filter((n) => n!.startsWith('touchpoint-')),
      )
    expect(await chunks()).toEqual([])
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    // The card's display, recorded after its first frame, fetches the transport chunk: it may or
    // may not have started by now, but the UI chunk came first (tests/e2e/transport-boundary).
    expect((await chunks())[0]).toBe('touchpoint-ui.js')
    expect((await chunks()).every((name) => /^touchpoint-(ui|transport)\.js$/.test(name!))).toBe(true)
  })

  it('refuses a UI chunk that speaks an older interface: no survey, an error event, nothing thrown', async () => {
    const { tab } = await harness.visit('/old/shop')
    const result = await tab.evaluate(async () => {
      const errors: unknown[] = []
      ;(window as any).touchpoint.on('error', (e: unknown) => errors.push(e))
      const shown = await (window as any).touchpoint.show('csat')
      return { shown, errors, text: document.body.textContent }
    })
    expect(result.shown).toBe(false)
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'chunk',
        message: expect.stringMatching(/touchpoint-ui\.js speaks api 1, loader \d+/),
      }),
    ])
    expect(result.text).not.toContain('old UI')
  })

  it('shows nothing with a cached UI chunk older than the loader, says why in the debug log, throws nothing', async () => {
    const { tab, logged } = await harness.visit('/mix/shop')
    const result = await tab.evaluate(async () => {
      const errors: unknown[] = []
      ;(window as any).touchpoint.on('error', (e: unknown) => errors.push(e))
      const shown = await (window as any).touchpoint.show('csat')
      return { shown, errors, cards: document.querySelectorAll('[data-touchpoint-survey]').length }
    })
    expect(result.shown).toBe(false)
    expect(result.errors).toEqual([{ code: 'chunk', message: 'touchpoint-ui.js too old' }])
    await logged(/touchpoint-ui\.js is older than this loader .*no survey shows until it serves the new one/)
    expect(result.cards).toBe(0)
    expect(harness.shop.posts.length).toBe(0)
  })
})
