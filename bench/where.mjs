// Where the show → painted time goes: one traced show() per widget, at 4× CPU throttling, with
// the main thread's events between the marks summed by name (self time) and a sampled CPU profile
// of the same span by function. For finding what to make faster; not part of the table.
//   [ARMED=1 | TRIGGER=1] node bench/where.mjs [touchpoint|posthog|touchpoint,posthog] [repeats]
// Each repeat also measures the floor (variants.mjs: a rendered element made visible, nothing to
// do), interleaved with the widgets, and the end prints each one's medians and its cost above the
// floor of the same repeat (FLOOR=0 leaves the floor out).
// TRIGGER=1 (touchpoint): the armed survey opened by its own trigger (exit intent), as a shopper
// meets it: no focus is moved then, unlike show() by the store's code.
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../scripts/chromium-launch.mjs'
import { startServer } from './server.mjs'
import { analyse, markTime, startTrace } from './trace.mjs'
import { PAGES, WIDGETS } from './variants.mjs'
import { byFunction, byName } from './where-profile.mjs'
import { median } from './report.mjs'

const named = (process.argv[2] || 'touchpoint').split(',')
const variants = process.env.FLOOR == '0' || named.includes('floor') ? named : [...named, 'floor']
const repeats = Number(process.argv[3] || 3)
for (const name of variants) if (!WIDGETS[name]) throw new Error(`where.mjs: no widget ${name}`)
// ARMED=1: show the survey armed on the page, once the widget has readied it (see visit.mjs).
const EXIT_INTENT = () => document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, bubbles: true }))
const armed = process.env.ARMED || process.env.TRIGGER
const showOf = (variant, widget) =>
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

const browser = await chromium.launch(chromiumLaunchOptions())
const server = await startServer()
// Per variant, per repeat: { scripting, busy, painted } (ms).
const figures = Object.fromEntries(variants.map((name) => [name, []]))

// One fresh page view of `variant`, its show() traced and profiled; prints where the time went.
async function measure(variant, i) {
  const widget = WIDGETS[variant]
  const show = showOf(variant, widget)
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await page.goto(server.url + '/blank')
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.goto(`${server.url}${PAGES.product}?v=${variant}`, { waitUntil: 'load' })
    await page.waitForTimeout(2500)
    if (!(await page.evaluate(widget.ready))) throw new Error(`${variant} did not start`)
    if (armed && widget.prepared) await page.waitForFunction(widget.prepared, null, { polling: 100 })
    if (process.env.WARM && variant == 'touchpoint') {
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
    figures[variant][i] = { scripting, busy, painted: (to - from) / 1000 }
    const counted = markTime(events, 'bench:counted')
    const frame = markTime(events, 'bench:frame')
    console.log(
      `\n${variant} #${i + 1}: show → painted ${((to - from) / 1000).toFixed(1)} ms (4×), ` +
        `its frame began at ${((frame - from) / 1000).toFixed(1)} ms, scripting ${scripting.toFixed(1)} ms, ` +
        `busy ${busy.toFixed(1)} ms, long tasks ${longTasks.length}${reused ? ', the prepared card' : ''}` +
        (counted ? `, counted ${((counted - to) / 1000).toFixed(1)} ms after painted` : ''),
    )
    // Elements restyled in the span: the style work, counted, not timed (a busy machine changes only the time).
    const styles = events.filter((e) => e.name == 'UpdateLayoutTree' && e.ts >= from && e.ts <= to)
    const styled = styles.reduce((sum, e) => sum + ((e.args && e.args.elementCount) || 0), 0)
    console.log(
      `  ${styled} elements restyled: ` +
        styles
          .filter((e) => e.dur)
          .map((e) => `${(e.dur / 1000).toFixed(1)} ms/${(e.args && e.args.elementCount) || '?'}`)
          .join(', '),
    )
    for (const [name, ms] of byName(events, from, to)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`)
    console.log('  -- sampled functions, show → painted:')
    for (const [name, ms] of byFunction(profile, from, to)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`)
  } finally {
    await context.close()
  }
}

// Medians over the repeats, and above the floor: each repeat's figure less that repeat's floor.
function summary() {
  const floor = figures.floor
  const line = (label, values) =>
    values.length ? `${label} ${median(values).toFixed(1)} (${values.map((v) => v.toFixed(1)).join('/')})` : ''
  console.log(`\nmedians over ${repeats} repeats (ms, 4×)${floor ? '; above the floor: paired by repeat' : ''}:`)
  for (const name of variants) {
    const own = figures[name].filter(Boolean)
    const parts = ['scripting', 'busy', 'painted'].map((key) => {
      const values = own.map((f) => f[key])
      const above = floor && name != 'floor' ? own.map((f, i) => floor[i] && f[key] - floor[i][key]) : []
      return `${line(key, values)}${
        above.length
          ? `, above the floor ${line(
              '',
              above.filter((v) => v != null),
            )}`
          : ''
      }`
    })
    console.log(`  ${name.padEnd(10)} ${parts.join('; ')}`)
  }
}

try {
  for (let i = 0; i < repeats; i++) {
    // Rotated, so that each variant meets the machine in every position.
    for (let k = 0; k < variants.length; k++) await measure(variants[(k + i) % variants.length], i)
  }
  summary()
} finally {
  await browser.close()
  await server.close()
}
