// A store's CDN that fails to serve touchpoint-transport.js for a while (a deploy in progress,
// an edge node out of step): the answer waits, the page hears one `error` event, the loader backs
// off without piling `<script>` elements onto the page, and the answer goes once the file is back.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appears, page, requireBuild, ROOT, tag, useHarness, watched } from './harness'

requireBuild()
const dist = (file: string) => readFileSync(join(ROOT, 'dist', file), 'utf8')
// The files live under /cdn/; what the shop's pages do not list there is a 404.
const harness = useHarness({
  '/': page({
    tag:
      tag({ src: '/cdn/touchpoint.js', 'data-surveys': '', 'data-flush-ms': '1000' }) +
      '<script>window.events=[];touchpoint.on("error",function(e){events.push([e.code,e.message])})</script>',
  }),
  '/cdn/touchpoint.js': dist('touchpoint.js'),
  '/cdn/touchpoint-ui.js': dist('touchpoint-ui.js'),
})

describe('a transport chunk that fails to load', () => {
  it('reports one chunk error, retries with growing waits and one script at a time, and delivers once the file is back', async () => {
    // When the page asked for the transport file.
    const tries = watched<number>()
    const { tab } = await harness.visit('/', {
      listen: (tab) =>
        tab.on(
          'request',
          (request) => void (request.url().endsWith('/touchpoint-transport.js') && tries.push(Date.now())),
        ),
    })
    // How many of its <script> elements are on the page.
    const scripts = () => tab.evaluate(() => document.querySelectorAll('script[src*="touchpoint-transport"]').length)

    await tab.evaluate(() => (window as any).touchpoint.show('csat'))
    await appears(tab)
    await tab.getByRole('radio', { name: '2', exact: true }).check()
    await tab.getByRole('button', { name: 'Send' }).click()

    await tab.waitForFunction(() => (window as any).events.length > 0)
    // Four tries: when the card showed, when the answer was given (at once: the shopper may be
    // about to leave), the retry 1 s after the first, then one 4 s later, as each failure doubles
    // the wait (a fixed 1 s before the fix); a busy machine adds a few hundred ms, not seconds.
    await tries.until(() => tries.length >= 4, { ms: 20_000, what: 'four tries' })
    expect(await scripts()).toBeLessThanOrEqual(1)
    expect(tries[3] - tries[2]).toBeGreaterThan(2500)
    expect(await tab.evaluate(() => (window as any).events)).toEqual([
      ['chunk', 'Error: touchpoint-transport.js did not load'],
    ])
    expect(harness.shop.posts).toEqual([])

    harness.shop.pages['/cdn/touchpoint-transport.js'] = dist('touchpoint-transport.js')
    const post = await harness.shop.posts.until((p) => p.ids.length > 0, { ms: 20_000 })
    expect(harness.shop.posts).toHaveLength(1)
    expect(post.batch!.responses.map((r) => r.score)).toEqual([2])
    expect(await tab.evaluate(() => (window as any).events)).toHaveLength(1)
    expect(await scripts()).toBeLessThanOrEqual(1)
  })
})
