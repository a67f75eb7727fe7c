// Where the show → painted time goes: one traced show() per widget, at 4× CPU throttling, with
// the main thread's events between the marks summed by name (self time) and a sampled CPU profile
// of the same span by function. For finding what to make faster; not part of the table.
//   [ARMED=1 | TRIGGER=1] node bench/where.mjs [touchpoint|posthog] [repeats]
// TRIGGER=1 (touchpoint): the armed survey opened by its own trigger (exit intent), as a shopper
// meets it: no focus is moved then, unlike show() by the store's code.
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../scripts/chromium-launch.mjs'
import { startServer } from './server.mjs'
import { analyse, markTime, startTrace } from './trace.mjs'
import { PAGES, WIDGETS } from './variants.mjs'

const variant = process.argv[2] || 'touchpoint'
const repeats = Number(process.argv[3] || 3)
const widget = WIDGETS[variant]
// ARMED=1: show the survey armed on the page, once the widget has readied it (see visit.mjs).
const EXIT_INTENT = () => document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, bubbles: true }))
const armed = process.env.ARMED || process.env.TRIGGER
const show =
  (process.env.TRIGGER && variant == 'touchpoint' && EXIT_INTENT) || (armed && widget.showArmed) || widget.show

// Resolves with whether the card shown is the one prepared ahead (an inert host before the show).
const SHOW = (show, card) =>
  new Promise((resolve) =>
    setTimeout(() => {
      const prepared = document.querySelector('body > [inert]')
      // touchpoint's `show` event: when the card was counted as shown (its bookkeeping ran).
      if (window.touchpoint && window.touchpoint.on)
        window.touchpoint.on('show', () => performance.mark('bench:counted'))
      performance.mark('bench:show')
      show()
      const look = () => {
        // When the frame that paints the card began (before this callback's own layout).
        const frame = performance.now()
        const el = card()
        if (el && el.getBoundingClientRect().height > 0)
          requestAnimationFrame(() => {
            performance.mark('bench:frame', { startTime: frame })
            performance.mark('bench:painted')
            resolve(!!prepared && el.getRootNode().host == prepared)
          })
        else requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    }, 0),
  )

// Self time per event name on the busiest renderer main thread, between `from` and `to` (µs).
function byName(events, from, to) {
  const main = events.filter((e) => e.ph == 'X' && e.dur && e.ts >= from && e.ts + e.dur <= to)
  const threads = {}
  for (const e of main) threads[e.pid + ':' + e.tid] = (threads[e.pid + ':' + e.tid] || 0) + e.dur
  const busiest = Object.keys(threads).sort((a, b) => threads[b] - threads[a])[0]
  const on = main.filter((e) => e.pid + ':' + e.tid == busiest).sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const self = {}
  const stack = []
  for (const e of on) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) self[parent.name] = (self[parent.name] || 0) - e.dur
    self[e.name] = (self[e.name] || 0) + e.dur
    stack.push(e)
  }
  return Object.entries(self)
    .map(([name, us]) => [name, us / 1000])
    .filter(([, ms]) => ms >= 0.5)
    .sort((a, b) => b[1] - a[1])
}

// Self time per function of the samples taken between `from` and `to` (trace µs, the same clock).
function byFunction(profile, from, to) {
  const self = {}
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const dt = {}
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] || 0
    const next = profile.timeDeltas[i + 1] || 0
    if (at >= from && at <= to) dt[id] = (dt[id] || 0) + next
  })
  for (const [id, us] of Object.entries(dt)) {
    const f = nodes.get(Number(id)).callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`
    self[key] = (self[key] || 0) + us / 1000
  }
  return Object.entries(self)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
}

const browser = await chromium.launch(chromiumLaunchOptions())
const server = await startServer()
try {
  for (let i = 0; i < repeats; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await page.goto(server.url + '/blank')
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.goto(`${server.url}${PAGES.product}?v=${variant}`, { waitUntil: 'load' })
    await page.waitForTimeout(2500)
    if (armed && widget.prepared) await page.waitForFunction(widget.prepared, null, { polling: 100 })
    if (process.env.WARM) {
      // Shown and closed once before the measured show: what is left once the code is compiled.
      await page.evaluate(`(${SHOW})(${widget.show}, ${widget.card})`)
      await page.evaluate(() => {
        const host = document.querySelector('[data-touchpoint-survey]')
        host.shadowRoot.querySelector('button[aria-label]').click()
      })
      await page.waitForTimeout(1000)
    }
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    const trace = await startTrace(cdp)
    const reused = await page.evaluate(`(${SHOW})(${show}, ${widget.card})`)
    const events = await trace.stop()
    const { profile } = await cdp.send('Profiler.stop')
    const from = markTime(events, 'bench:show')
    const to = markTime(events, 'bench:painted')
    // The table's own figures for this span (visit.mjs reads the same way).
    const { scripting, busy, longTasks } = analyse(events, () => true, { from, to })
    const counted = markTime(events, 'bench:counted')
    const frame = markTime(events, 'bench:frame')
    console.log(
      `\n${variant} #${i + 1}: show → painted ${((to - from) / 1000).toFixed(1)} ms (4×), ` +
        `its frame began at ${((frame - from) / 1000).toFixed(1)} ms, scripting ${scripting.toFixed(1)} ms, ` +
        `busy ${busy.toFixed(1)} ms, long tasks ${longTasks.length}${reused ? ', the prepared card' : ''}` +
        (counted ? `, counted ${((counted - to) / 1000).toFixed(1)} ms after painted` : ''),
    )
    // Elements restyled in the span: the style work, counted, not timed (a busy machine changes only the time).
    const styled = events
      .filter((e) => e.name == 'UpdateLayoutTree' && e.ts >= from && e.ts <= to)
      .reduce((sum, e) => sum + ((e.args && e.args.elementCount) || 0), 0)
    const styles = events.filter((e) => e.name == 'UpdateLayoutTree' && e.ts >= from && e.ts <= to && e.dur)
    console.log(
      `  ${styled} elements restyled: ` +
        styles.map((e) => `${(e.dur / 1000).toFixed(1)} ms/${(e.args && e.args.elementCount) || '?'}`).join(', '),
    )
    for (const [name, ms] of byName(events, from, to)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`)
    console.log('  -- sampled functions, show → painted:')
    for (const [name, ms] of byFunction(profile, from, to)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`)
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}
