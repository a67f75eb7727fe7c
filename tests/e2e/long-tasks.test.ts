// @vitest-environment node
// What a shopper feels, on a product page in Chromium with the CPU slowed 4× (the built dist/
// files, read from a performance trace): the idle-time warm-up puts an invisible card in the
// document for one style pass and one layout, so it must never be seen, shift the page or stay;
// and the page must work from load to the answer sent. The test prints the figures a long-task
// budget would judge (main-thread CPU time of the widget's longest tasks and of show → painted,
// beside a reference task run in the same page) but does not assert them: on a busy shared
// machine the CPU time of one and the same reference task varied 5× within minutes (9.7–51 ms
// at 4×), so no limit held without also passing a regression. npm run bench gives the figures.
import type { CDPSession } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { page, requireBuild, tag, useHarness } from './harness'

requireBuild()

const THROTTLE = 4
const WIDGET_URL = /\/touchpoint(-[a-z]+)?\.js/

// A WooCommerce product page as a store serves it: body classes, JSON-LD and a dataLayer, so
// detection reads what it reads on a real store; the default plan arms an emotion survey here.
const PRODUCT_PAGE = page({
  title: 'Linen shirt – Shop',
  head:
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<script>window.dataLayer=[{event:'view_item',ecommerce:{items:[{item_id:'LS-1',item_name:'Linen shirt',price:49}]}}]</script>` +
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Linen shirt","offers":{"@type":"Offer","price":"49.00","priceCurrency":"EUR"}}</script>',
  tag: tag({ 'data-flush-ms': '500', async: true }),
  where: 'head',
  bodyClass: 'product-template-default single single-product woocommerce woocommerce-page',
  body: `<main><h1 class="product_title entry-title">Linen shirt</h1><p class="price">€49.00</p>
<form class="cart"><button type="submit" name="add-to-cart" class="single_add_to_cart_button">Add to cart</button></form>
<p>${'Breathable linen, cut loose for warm days. '.repeat(40)}</p></main>`,
})

const harness = useHarness({ '/blank': '', '/product/linen-shirt/': PRODUCT_PAGE })

// ---- the trace ----------------------------------------------------------------------------

interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  /** Thread (CPU) time, µs. */
  tdur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: { url?: string; frames?: { parent?: string; processId: number }[] } }
}

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const categories = ['-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel']
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: [...categories, 'blink.user_timing'] },
    transferMode: 'ReturnAsStream',
  })
  return async () => {
    const done = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve))
    await cdp.send('Tracing.end')
    const { stream } = await done
    let text = ''
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream!, size: 1 << 20 })
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data
      if (chunk.eof) break
    }
    await cdp.send('IO.close', { handle: stream! })
    const parsed = JSON.parse(text)
    return Array.isArray(parsed) ? parsed : parsed.traceEvents
  }
}

/** One task on the page's main thread: when, how long by the clock and by CPU (ms), and the scripts that ran in it. */
interface Task {
  ts: number
  ms: number
  cpuMs: number
  urls: string[]
}

/** The outermost tasks of the page's renderer main thread (the main frame's process, CrRendererMain). */
function mainThreadTasks(events: TraceEvent[]): Task[] {
  const started = events.find((e) => e.name == 'TracingStartedInBrowser')
  const frame = started?.args?.data?.frames?.find((f) => !f.parent)
  const thread = events.find(
    (e) => e.ph == 'M' && e.name == 'thread_name' && e.args?.name == 'CrRendererMain' && e.pid == frame?.processId,
  )
  if (!thread) throw new Error('no main thread in the trace')
  const on = events
    .filter((e) => e.pid == thread.pid && e.tid == thread.tid && e.ph == 'X' && e.dur != null)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const tasks: Task[] = []
  let current: Task | undefined
  let end = -1
  for (const e of on) {
    if (e.name == 'ThreadControllerImpl::RunTask' || e.name == 'RunTask') {
      if (e.ts >= end) {
        current = { ts: e.ts, ms: e.dur! / 1000, cpuMs: (e.tdur ?? e.dur!) / 1000, urls: [] }
        tasks.push(current)
        end = e.ts + e.dur!
      }
    } else if (current && e.ts < end) {
      if (e.args?.data?.url && !current.urls.includes(e.args.data.url)) current.urls.push(e.args.data.url)
    }
  }
  return tasks
}

const markAt = (events: TraceEvent[], name: string): number => {
  const mark = events.find((e) => e.name == name && /user_timing/.test(e.cat))
  if (!mark) throw new Error(`mark ${name} is not in the trace`)
  return mark.ts
}

/** The CPU time (ms) of each run of the reference task: the task in which its mark was made. */
const references = (events: TraceEvent[], tasks: Task[]) =>
  events
    .filter((e) => e.name == 'reference' && /user_timing/.test(e.cat))
    .map((mark) => tasks.find((task) => task.ts <= mark.ts && mark.ts <= task.ts + task.ms * 1000)!.cpuMs)

/** Main-thread CPU time (ms) of the tasks that began between two marks. */
const cpuBetween = (tasks: Task[], from: number, to: number) =>
  tasks.filter((task) => task.ts >= from && task.ts < to).reduce((sum, task) => sum + task.cpuMs, 0)

// ---- in the page --------------------------------------------------------------------------

// Runs `work` from a page timer (work called inside page.evaluate is not the page's own task),
// between the marks `<name>:start` and `<name>:end`; the end is the animation frame after the
// one in which `painted()` first holds, so that frame's style, layout and paint are inside.
const BETWEEN_MARKS = ([name, work, painted]: string[]) =>
  new Promise<void>((resolve) =>
    setTimeout(() => {
      performance.mark(name + ':start')
      new Function(work)()
      const look = () => {
        if (new Function('return ' + painted)())
          requestAnimationFrame(() => resolve(void performance.mark(name + ':end')))
        else requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    }),
  )

// The reference task: DOM, style and layout of 300 lines of text, and plain script, in one task.
const REFERENCE = () =>
  new Promise<void>((resolve) =>
    setTimeout(() => {
      performance.mark('reference')
      const box = document.createElement('div')
      box.style.cssText = 'position:fixed;inset:0;overflow:hidden;visibility:hidden'
      for (let n = 0; n < 300; n++) box.appendChild(document.createElement('p')).textContent = 'Reference line ' + n
      document.body.appendChild(box)
      box.getBoundingClientRect()
      box.remove()
      let sum = 0
      for (let n = 0; n < 200_000; n++) sum += Math.sqrt(n)
      resolve(void ((window as any).referenceSum = sum))
    }),
  )

const card = () => document.querySelector('[data-touchpoint-survey]')?.shadowRoot

// Installed before any page script: layout shifts (as web-vitals counts CLS), and every element
// with a shadow root that joins <body> without naming a survey (the warm-up's card), with whether
// its card could be seen when the page heard of it (the end of the task that styled it) and
// whether it was taken out again.
const WATCH_PAGE = () => {
  const w = window as any
  w.shift = 0
  w.warmUps = []
  // The UI chunk has run once its <script> fires load (heard while capturing: load does not bubble).
  w.uiArrived = new Promise<void>((resolve) =>
    document.addEventListener(
      'load',
      (event) => /touchpoint-ui\.js/.test((event.target as HTMLScriptElement).src || '') && resolve(),
      true,
    ),
  )
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) w.shift += entry.value
  }).observe({ type: 'layout-shift', buffered: true })
  addEventListener('DOMContentLoaded', () =>
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes as any)
          if (node.shadowRoot && !node.hasAttribute('data-touchpoint-survey')) {
            const card = node.shadowRoot.querySelector('[role=dialog]')
            w.warmUps.push({ seen: !card || card.checkVisibility({ visibilityProperty: true }), removed: false })
          }
        for (const node of record.removedNodes as any)
          if (node.shadowRoot && !node.hasAttribute('data-touchpoint-survey')) w.warmUps.at(-1).removed = true
      }
    }).observe(document.body, { childList: true }),
  )
}

describe('the widget on a product page, CPU slowed 4×', () => {
  it('warms the card up unseen, takes it out again, and delivers the answer (long-task figures printed)', async () => {
    const { context, tab, go } = await harness.visit('/blank', {
      contextOptions: { viewport: { width: 1280, height: 800 } },
      init: WATCH_PAGE,
      api: false, // same origin first: the page's renderer is the one traced
    })
    const cdp = await context.newCDPSession(tab)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE })
    const stopTrace = await startTrace(cdp)

    await go('/product/linen-shirt/')
    // The UI chunk arrives at idle (a survey is armed here), warms up and prepares the armed card in idle callbacks.
    await tab.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const idle = (times: number) =>
            times ? requestIdleCallback(() => idle(times - 1)) : resolve(void performance.mark('page:idle'))
          ;(window as any).uiArrived.then(() => idle(8))
        }),
    )
    // Before anything is shown: the warm-up card came and went, and the armed emotion survey's
    // card waits prepared and inert; neither was ever seen. (The build shortens data-floating.)
    const warmUps = await tab.evaluate(() => (window as any).warmUps)
    expect(warmUps).toHaveLength(2)
    expect(warmUps).toEqual(
      expect.arrayContaining([
        { seen: false, removed: true },
        { seen: false, removed: false },
      ]),
    )
    expect(
      await tab.evaluate(() =>
        [...document.querySelectorAll('body > *')].filter((el) => el.shadowRoot).map((el) => (el as HTMLElement).inert),
      ),
    ).toEqual([true])
    for (let n = 0; n < 3; n++) await tab.evaluate(REFERENCE)
    await tab.evaluate(BETWEEN_MARKS, [
      'show',
      `touchpoint.show('nps')`,
      `(${card})()?.querySelector('.card, [role=dialog]')?.getBoundingClientRect().height > 0`,
    ])

    // The shopper picks 9 and sends: real pointer clicks (CDP input), no script injected into the page.
    const centre = (selector: string) =>
      tab.evaluate(
        ([find, selector]) => {
          const rect = new Function('return ' + find)()().querySelector(selector).getBoundingClientRect()
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
        },
        [`${card}`, selector] as const,
      )
    const nine = await centre('input[value="9"]')
    await tab.mouse.click(nine.x, nine.y)
    await tab.locator('[data-touchpoint-survey] button[type=submit]').waitFor()
    const send = await centre('button[type=submit]')
    await tab.mouse.click(send.x, send.y)
    // Delivered: the real collector took the batch that carries it.
    await harness.shop.posts.until(
      (post) => post.status < 300 && !!post.batch?.responses.some((a) => a.score == 9 && a.kind == 'nps'),
      { ms: 30_000, what: 'the answer 9 (nps) delivered to /collect' },
    )
    await tab.evaluate(() => performance.mark('sent'))
    const events = await stopTrace()
    const tasks = mainThreadTasks(events)
    // The cheapest run of the reference: the one least slowed by whatever else the machine ran.
    const reference = Math.min(...references(events, tasks))
    const widget = tasks.filter((task) => task.urls.some((url) => WIDGET_URL.test(url)))
    const show = cpuBetween(tasks, markAt(events, 'show:start'), markAt(events, 'show:end'))
    const longest = widget.reduce((most, task) => (task.cpuMs > most.cpuMs ? task : most))
    const told = (task: Task) =>
      `${task.cpuMs.toFixed(1)} ms CPU (${(task.cpuMs / reference).toFixed(2)}× the reference) ${task.urls.join(' ')}`
    console.log(
      `reference task: ${reference.toFixed(1)} ms CPU at 4×; show → painted: ${show.toFixed(1)} ms CPU ` +
        `(${(show / reference).toFixed(2)}×); the widget's longest task: ${told(longest)}`,
    )
    expect(await tab.evaluate(() => (window as any).shift)).toBe(0)
  })
})
