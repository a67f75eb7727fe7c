// One page view of one variant on one of the bench's pages, measured phase by phase: page load
// (to network quiet and idle, split at the load event), show → painted, then the answer given and
// sent; on the confirmation page, the survey that shows by itself. Each phase gets its own performance trace and
// the bytes the server saw during it. Chromium's CPU throttling spins the main thread while it
// holds it back, so CPU time (ThreadTime) is only meaningful unthrottled: a visit with
// `throttle: 1` measures that and takes no trace.
import { analyse, markTime, startTrace } from './trace.mjs'
import { PAGES, WIDGETS } from './variants.mjs'

export const CPU_THROTTLE = 4
// Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbps down, 750 kbps up.
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) * 0.9,
  uploadThroughput: (750e3 / 8) * 0.9,
}
const QUIET_MS = 1000
const STEP_TIMEOUT = 60_000

// Installed before any page script: layout shifts, as web-vitals counts CLS (no recent input),
// and a mark at the load event (this listener is the first, so it runs first), where the trace is
// split into what delays the page and what runs after it (idle prefetch).
const OBSERVE_PAGE = () => {
  window.__benchCls = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__benchCls += entry.value
  }).observe({ type: 'layout-shift', buffered: true })
  addEventListener('load', () => performance.mark('bench:load'))
}

// Runs in the page: the widget's script files by whether they were asked for before the load
// event, in compressed body bytes (Resource Timing; the server's meter counts every request).
const SCRIPT_BYTES = (pattern) => {
  const load = performance.getEntriesByName('bench:load')[0].startTime
  const split = { before: 0, after: 0 }
  for (const entry of performance.getEntriesByType('resource'))
    if (new RegExp(pattern).test(entry.name) && entry.initiatorType == 'script')
      split[entry.startTime < load ? 'before' : 'after'] += entry.encodedBodySize
  return split
}

// Runs in the page: resolves at the first frame after the one in which a card exists with a size
// (that frame was painted), for a survey that opens by itself.
const PAINTED = (card) =>
  new Promise((resolve) => {
    const look = () => {
      const el = card()
      if (el && el.getBoundingClientRect().height > 0)
        requestAnimationFrame(() => resolve(performance.mark('bench:auto-painted').startTime))
      else setTimeout(look, 50)
    }
    look()
  })

// Runs in the page: show() from a timer (a call made inside page.evaluate is not counted as page
// scripting), then wait for the card's first painted frame: the frame in which it has a size, and
// the next animation frame, which comes after that frame was painted. Resolves with the ms.
// The marks bound the span the trace is read over.
const SHOW_AND_WAIT = (show, card) =>
  new Promise((resolve) => {
    setTimeout(() => {
      const start = performance.mark('bench:show').startTime
      show()
      const look = () => {
        const el = card()
        if (el && el.getBoundingClientRect().height > 0)
          requestAnimationFrame(() => resolve(performance.mark('bench:painted').startTime - start))
        else requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    }, 0)
  })

const IDLE = () =>
  new Promise((resolve) =>
    requestIdleCallback(() => requestIdleCallback(resolve, { timeout: 5000 }), { timeout: 5000 }),
  )

const WIDGET_URL = '/touchpoint[\\w-]*\\.js|/static/|/array/'
const isWidget = (url) => new RegExp(WIDGET_URL).test(url)

async function metric(cdp, name) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((m) => m.name == name).value
}

/** Waits until no request of the page has been in flight for QUIET_MS. */
function tracker(page) {
  let inFlight = 0
  let last = Date.now()
  page.on('request', () => {
    inFlight += 1
    last = Date.now()
  })
  const done = () => {
    inFlight -= 1
    last = Date.now()
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return async function quiet() {
    const until = Date.now() + STEP_TIMEOUT
    while (inFlight > 0 || Date.now() - last < QUIET_MS) {
      if (Date.now() > until) throw new Error('the page never went quiet')
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

async function waitFor(check, what) {
  const until = Date.now() + STEP_TIMEOUT
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * Runs `fn` and returns what the server's meter saw meanwhile, and either the trace's reading
 * (throttled; between the marks `from` and `to` when given) or the main thread's CPU time.
 */
async function phase(cdp, server, traced, fn, marks) {
  const meter = server.meter()
  const cpu0 = traced ? 0 : await metric(cdp, 'ThreadTime')
  const trace = traced && (await startTrace(cdp))
  const value = await fn()
  const bytes = meter.read()
  if (!traced) return { cpuMs: ((await metric(cdp, 'ThreadTime')) - cpu0) * 1000, bytes, value }
  const events = await trace.stop()
  const window = marks && { from: markTime(events, marks[0]), to: markTime(events, marks[1]) }
  if (window && !(window.from < window.to)) throw new Error(`marks ${marks} missing from the trace`)
  const result = { ...analyse(events, isWidget, window), bytes, value }
  // Page load: the widget's scripting up to the load event, and after it (idle time).
  const load = !marks && markTime(events, 'bench:load')
  if (load) {
    result.beforeLoad = analyse(events, isWidget, { from: -Infinity, to: load }, false).widgetScripting
    result.afterLoad = analyse(events, isWidget, { from: load, to: Infinity }, false).widgetScripting
  }
  return result
}

/**
 * Measures one fresh visitor's page view of `variant` (none, touchpoint, posthog,
 * posthog-defaults) on `page` (a key of PAGES). `steps`: 'load' always; 'show' and 'answer' for
 * the widgets; 'auto' waits for a survey that opens by itself. `throttle`: the CPU slow-down
 * (4: traced; 1: CPU time). `slow`: on the slow 4G profile. `armed`: show the survey armed on
 * the page (touchpoint: emotion, prepared at idle) rather than the NPS. A visit that fails is given one
 * more try, then comes back as `{ variant, error }` and is left out of the table (and counted).
 */
export async function visit(browser, server, variant, options = {}) {
  try {
    return await visitOnce(browser, server, variant, options)
  } catch {
    try {
      return await visitOnce(browser, server, variant, options)
    } catch (error) {
      return { variant, error: String(error) }
    }
  }
}

async function visitOnce(
  browser,
  server,
  variant,
  { page: pageName = 'product', throttle = CPU_THROTTLE, slow = false, steps = ['load'], armed = false } = {},
) {
  const traced = throttle > 1
  // Every widget byte of the page view, phases or not: a chunk fetched while a phase's trace is
  // being read (touchpoint's transport chunk, asked for once the shown card is counted at idle)
  // falls between the phases' own meters.
  const whole = server.meter()
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await page.addInitScript(OBSERVE_PAGE)
    const quiet = tracker(page)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    // Same origin first, so the page's renderer (and its ThreadTime) is the one measured.
    await page.goto(server.url + '/blank')
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    if (slow) {
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
    }
    const widget = WIDGETS[variant.replace('-defaults', '')]
    const result = { variant }

    // No waitForFunction: its polling would run on the page's main thread while it is measured.
    result.load = await phase(cdp, server, traced, async () => {
      const url = new URL(PAGES[pageName], server.url)
      url.searchParams.set('v', variant)
      await page.goto(url.href, { waitUntil: 'load' })
      await quiet()
      await page.evaluate(IDLE)
      if (widget && !(await page.evaluate(widget.ready))) throw new Error(`${variant} did not start`)
    })
    result.load.cls = await page.evaluate(() => window.__benchCls)
    result.load.scripts = await page.evaluate(`(${SCRIPT_BYTES})(${JSON.stringify(WIDGET_URL)})`)
    await cdp.send('HeapProfiler.collectGarbage')
    result.load.heapMb = (await metric(cdp, 'JSHeapUsedSize')) / 2 ** 20
    if (widget && steps.includes('auto')) {
      // The survey opens by itself (a delay trigger): from the end of page load to it painted.
      result.auto = await phase(cdp, server, traced, () => page.evaluate(`(${PAINTED})(${widget.card})`))
    }
    if (!widget || !steps.includes('show')) return result

    // `armed`: the survey armed on this page, once the widget has readied it (touchpoint prepares
    // its card at idle; PostHog's surveys are ready once loaded). Waited for outside the phase.
    const show = (armed && widget.showArmed) || widget.show
    if (armed && widget.prepared) await page.waitForFunction(widget.prepared, null, { polling: 100, timeout: 15000 })
    const marks = ['bench:show', 'bench:painted']
    result.show = await phase(
      cdp,
      server,
      traced,
      () => page.evaluate(`(${SHOW_AND_WAIT})(${show}, ${widget.card})`),
      marks,
    )
    result.show.paintedMs = result.show.value
    if (!steps.includes('answer')) return result

    const key = variant.replace('-defaults', '')
    const before = server.received[key]
    // Playwright injects its own script into the page on a locator's first use: not in the phase.
    await page.locator('h1').first().isVisible()
    result.answer = await phase(cdp, server, traced, async () => {
      await widget.answer(page)
      await waitFor(() => server.received[key] > before, `the answer to reach the ${key} stub`)
    })
    result.pageView = whole.read()
    result.answer.cls = await page.evaluate(() => window.__benchCls)
    await cdp.send('HeapProfiler.collectGarbage')
    result.answer.heapMb = (await metric(cdp, 'JSHeapUsedSize')) / 2 ** 20
    return result
  } finally {
    whole.read() // a visit without an answer step stops its meter here
    await context.close()
  }
}
