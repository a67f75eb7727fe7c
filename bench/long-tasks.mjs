// Every long task of one answered page view, found and opened: a visit of the product page at 4×
// CPU throttling as visit.mjs makes it (load → idle → show('nps') → painted → pick 9, Send → the
// answer at the server), under ONE trace and one sampled CPU profile from navigation to the answer
// received, so nothing between the bench's phases is missed. Lists each main-thread task over
// 50 ms in which the widget's script ran (or that falls between show and painted): its phase, its
// duration, the script events at its top (with URL and function), its trace events by self time
// and its sampled functions. For finding what to split; not part of the table.
//   node bench/long-tasks.mjs [touchpoint|posthog] [repeats]     (ALL=1: the store's own long tasks too)
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../scripts/chromium-launch.mjs'
import { DIST, startServer } from './server.mjs'
import { LONG_TASK_MS, markTime, startTrace } from './trace.mjs'
import { CPU_THROTTLE } from './visit.mjs'
import { PAGES, WIDGETS } from './variants.mjs'
import { byName, byFunction, mainThread, sourceNamer, topScripts } from './task-content.mjs'

const variant = process.argv[2] || 'touchpoint'
const repeats = Number(process.argv[3] || 3)
const widget = WIDGETS[variant]
const WIDGET_URL = /\/touchpoint[\w-]*\.js|\/static\/|\/array\//
const STEP_TIMEOUT = 60_000

// Installed before any page script: a mark at the load event (this listener runs first).
const MARK_LOAD = () => addEventListener('load', () => performance.mark('bench:load'))
// show() from a page timer, then the first frame after the one in which the card has a size.
const SHOW_AND_WAIT = (show, card) =>
  new Promise((resolve) =>
    setTimeout(() => {
      performance.mark('bench:show')
      show()
      const look = () => {
        const el = card()
        if (el && el.getBoundingClientRect().height > 0)
          requestAnimationFrame(() => resolve(performance.mark('bench:painted')))
        else requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    }, 0),
  )
const IDLE = () =>
  new Promise((resolve) =>
    requestIdleCallback(() => requestIdleCallback(resolve, { timeout: 5000 }), { timeout: 5000 }),
  )

async function until(check, what) {
  const end = Date.now() + STEP_TIMEOUT
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

// The phases, by the marks that open them (trace µs); a task belongs to the one it starts in.
function phaseOf(ts, marks) {
  let name = 'navigation → load event'
  for (const [mark, label] of [
    ['bench:load', 'load event → show (idle)'],
    ['bench:show', 'show → painted'],
    ['bench:painted', 'painted → answer (idle)'],
    ['bench:answer', 'answer → sent'],
  ])
    if (marks[mark] != null && ts >= marks[mark]) name = label
  return name
}

async function tracedVisit(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await page.addInitScript(MARK_LOAD)
    const cdp = await context.newCDPSession(page)
    await page.goto(server.url + '/blank')
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    const trace = await startTrace(cdp)
    await page.goto(`${server.url}${PAGES.product}?v=${variant}`, { waitUntil: 'load' })
    // Network quiet and two idle callbacks, as visit.mjs's page-load phase ends.
    let last = Date.now()
    page.on('request', () => (last = Date.now()))
    await until(() => Date.now() - last > 1000, 'network quiet')
    await page.evaluate(IDLE)
    await until(() => page.evaluate(widget.ready), `${variant} to start`)
    await page.evaluate(`(${SHOW_AND_WAIT})(${widget.show}, ${widget.card})`)
    // Playwright injects its own script on a locator's first use: before the answer's mark.
    await page.locator('h1').first().isVisible()
    const before = server.received[variant]
    await page.evaluate(() => performance.mark('bench:answer'))
    await widget.answer(page)
    await until(() => server.received[variant] > before, 'the answer at the server')
    const events = await trace.stop()
    const { profile } = await cdp.send('Profiler.stop')
    return { events, profile }
  } finally {
    await context.close()
  }
}

function report(events, profile, run, namer) {
  const thread = mainThread(events)
  const marks = Object.fromEntries(
    ['bench:load', 'bench:show', 'bench:painted', 'bench:answer'].map((m) => [m, markTime(events, m)]),
  )
  const on = events.filter((e) => e.pid == thread.pid && e.tid == thread.tid && e.ph == 'X' && e.dur != null)
  const tasks = on.filter((e) => e.name == 'RunTask' || e.name == 'ThreadControllerImpl::RunTask')
  const long = []
  let taskEnd = -1
  for (const task of tasks.sort((a, b) => a.ts - b.ts)) {
    if (task.ts < taskEnd) continue // a nested run loop's task: counted in its outer one
    taskEnd = task.ts + task.dur
    if (task.dur / 1000 <= LONG_TASK_MS) continue
    const scripts = topScripts(on, task.ts, taskEnd)
    const phase = phaseOf(task.ts, marks)
    const widgetRan = scripts.some((s) => WIDGET_URL.test(s.url)) || phase == 'show → painted'
    if (widgetRan || process.env.ALL) long.push({ task, end: taskEnd, scripts, phase, widgetRan })
  }
  const start = marks['bench:load'] ?? tasks[0].ts
  console.log(
    `\n${variant} #${run}: ${long.filter((t) => t.widgetRan).length} widget long tasks (> ${LONG_TASK_MS} ms at ${CPU_THROTTLE}×), ` +
      `${long.filter((t) => t.widgetRan && t.task.tdur > LONG_TASK_MS * 1000).length} by thread time`,
  )
  for (const { task, end, scripts, phase, widgetRan } of long) {
    const at = ((task.ts - start) / 1000).toFixed(0)
    // Thread time: under Chromium's throttle the thread spins while held back, so it is about the
    // task's length on an idle machine; the wall-clock length grows when other processes run.
    const cpu = task.tdur != null ? ` (thread ${(task.tdur / 1000).toFixed(1)} ms)` : ''
    console.log(
      `\n  ${(task.dur / 1000).toFixed(1)} ms${cpu} at ${at} ms from the load event, ${phase}${widgetRan ? '' : ' (not the widget)'}`,
    )
    console.log('    script at the top of the task:')
    for (const s of scripts.slice(0, 8)) console.log(`    ${s.ms.toFixed(1).padStart(7)} ms  ${s.name} ${s.what}`)
    console.log('    trace events, self time:')
    for (const [name, ms] of byName(on, task.ts, end).slice(0, 8))
      console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${name}`)
    console.log('    sampled functions, self time:')
    for (const [name, ms] of byFunction(profile, task.ts, end, namer).slice(0, 12))
      console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${name}`)
  }
}

const browser = await chromium.launch(chromiumLaunchOptions())
const server = await startServer()
try {
  const { execSync } = await import('node:child_process')
  console.log(`uptime: ${execSync('uptime').toString().trim()}`)
  const namer = await sourceNamer(DIST)
  for (let i = 1; i <= repeats; i++) {
    const { events, profile } = await tracedVisit(browser, server)
    report(events, profile, i, namer)
  }
  console.log(`\nuptime: ${execSync('uptime').toString().trim()}`)
} finally {
  await browser.close()
  await server.close()
}
