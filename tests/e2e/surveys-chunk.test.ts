// A store's own survey plan is parsed by touchpoint-surveys.js, which only those stores fetch; the
// built-in plan ships in the loader already parsed. Seen from the store's side in Chromium: what
// the page asks for on the network, that the store's survey still shows on time (a track() made
// before the chunk arrived included), and that a chunk that cannot be fetched costs one warning,
// not an error and not an answer.
import { describe, expect, it } from 'vitest'
import { appears, page, stub, tag, useHarness, type VisitOptions } from './harness'

const harness = useHarness({
  // The store's own plan, and a call the stub queued before the loader (and its parser) came in.
  '/own/checkout/order-received/1/': page({
    head: stub("touchpoint('track','chat_closed')"),
    tag: tag({ async: true, 'data-surveys': 'confirmation:emotion@track=chat_closed' }),
  }),
  // The built-in plan: CSAT 3 s after the thank-you page view.
  '/built-in/checkout/order-received/2/': page({ tag: tag({ async: true, 'data-debug': true }) }),
  '/broken/checkout/order-received/3/': page({
    tag: tag({ async: true, 'data-surveys': 'confirmation:emotion@delay=0s' }),
  }),
})

/** Opens `path`, recording every script the page asks for; `refuse`: the surveys chunk fails. */
async function visit(path: string, refuse = false) {
  const scripts: string[] = []
  const listen: VisitOptions['listen'] = async (tab) => {
    tab.on('request', (request) => {
      if (request.resourceType() == 'script') scripts.push(new URL(request.url()).pathname)
    })
    // A CDN outage or a blocker for this one file: the loader and the other chunks still load.
    if (refuse) await tab.route('**/touchpoint-surveys.js', (route) => route.abort())
  }
  return { ...(await harness.visit(path, { listen })), scripts }
}

describe('the surveys chunk', () => {
  it("is fetched for a store's own plan, which shows, with a track() queued before it arrived", async () => {
    const { tab, scripts, errors } = await visit('/own/checkout/order-received/1/')
    // An emotion survey: the store's plan, not the built-in CSAT of a thank-you page.
    await appears(tab, 'How do you feel about your visit so far?')
    expect(scripts).toContain('/touchpoint-surveys.js')
    expect(errors).toEqual([])
  })

  it('is never fetched on the built-in plan, whose survey is due as before', async () => {
    const { tab, scripts, logged } = await visit('/built-in/checkout/order-received/2/')
    await logged(/survey csat is due on delay=3000/)
    await tab.waitForLoadState('load')
    expect(scripts).toContain('/touchpoint.js')
    expect(scripts).not.toContain('/touchpoint-surveys.js')
  })

  it('when it cannot be fetched: one warning naming it, no error, and show() still takes an answer', async () => {
    const { tab, scripts, errors, logged } = await visit('/broken/checkout/order-received/3/', true)
    await logged(/^warning: touchpoint: surveys: Error: touchpoint-surveys\.js did not load$/)
    expect(scripts).toContain('/touchpoint-surveys.js')
    expect(await tab.evaluate(() => document.querySelectorAll('script[src*="touchpoint-surveys"]').length)).toBe(0)
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await appears(tab)
    await tab.getByRole('radio', { name: '4', exact: true }).check()
    await tab.keyboard.press('Escape')
    await tab.evaluate(() => (window as any).touchpoint.flush())
    const post = await harness.shop.posts.until((p) => (p.batch?.responses ?? []).some((r) => r.score == 4))
    expect(post.status).toBeLessThan(300)
    expect(errors).toEqual([])
  })
})
