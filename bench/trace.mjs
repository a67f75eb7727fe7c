// Chromium performance traces over CDP, and what the bench reads from them: main-thread
// scripting (attributed to the script's URL where the trace names it), main-thread busy time
// and long tasks. A trace, unlike Performance.getMetrics' ScriptDuration, sees the work done in
// promise callbacks (RunMicrotasks) and timers.

const CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'toplevel',
  'blink.user_timing',
  'loading',
]

// What DevTools counts as Scripting; nested ones are counted once, inside their parent.
export const SCRIPT = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'RunMicrotasks',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'XHRReadyStateChange',
  'XHRLoad',
  'v8.produceCache',
  'v8.deserializeCache',
  'ParseHTML.script',
  'V8.Execute',
  'CompileScript',
])
// Style, layout and parsing forced from inside a script: DevTools puts it under Rendering, not Scripting.
const RENDER = new Set([
  'UpdateLayoutTree',
  'Layout',
  'RecalculateStyles',
  'ParseAuthorStyleSheet',
  'HitTest',
  'PrePaint',
  'Paint',
])
export const LONG_TASK_MS = 50

/** Starts a trace on `cdp`; `stop()` resolves with its events. */
export async function startTrace(cdp) {
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReturnAsStream' })
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
      await cdp.send('Tracing.end')
      const { stream } = await done
      let text = ''
      for (;;) {
        const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 })
        text += base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data
        if (eof) break
      }
      await cdp.send('IO.close', { handle: stream })
      const parsed = JSON.parse(text)
      return Array.isArray(parsed) ? parsed : parsed.traceEvents
    },
  }
}

// The page's renderer main thread: the process of the main frame named in TracingStartedInBrowser
// (or, failing that, the renderer thread with the most work), thread CrRendererMain.
export function mainThread(events) {
  const names = events.filter((e) => e.ph == 'M' && e.name == 'thread_name' && e.args.name == 'CrRendererMain')
  const started = events.find((e) => e.name == 'TracingStartedInBrowser')
  const frame = started && started.args.data.frames && started.args.data.frames.find((f) => !f.parent)
  const candidates = frame ? names.filter((n) => n.pid == frame.processId) : names
  const busy = (n) => events.reduce((sum, e) => sum + (e.pid == n.pid && e.tid == n.tid && e.dur ? e.dur : 0), 0)
  const best = candidates.sort((a, b) => busy(b) - busy(a))[0]
  return best ? { pid: best.pid, tid: best.tid } : null
}

const urlOf = (e) => {
  const data = (e.args && (e.args.data || e.args)) || {}
  return data.url || (data.stackTrace && data.stackTrace[0] && data.stackTrace[0].url) || ''
}

/** The timestamp (µs) of a `performance.mark(name)` in the trace, if any. */
export function markTime(events, name) {
  const mark = events.find((e) => e.name == name && /user_timing/.test(e.cat))
  return mark ? mark.ts : undefined
}

/**
 * Reads a trace: `scripting` (ms, self time of script events less the rendering they forced),
 * `byUrl` (the same, per script URL: the URL whose functions ran longest in it; '' when the trace
 * names none), `busy` (ms of all main-thread tasks) and `longTasks` (tasks over 50 ms, with the
 * URL that ran the most script in each). `isWidget(url)` gives `widgetScripting`, and marks a long
 * task as the widget's when the widget's script ran in it. With `window` ({ from, to } in trace
 * µs), only that span counts, and every long task in it is the widget's (the page is idle then)
 * unless `spanIsWidget` is false (a span of page load, where the store's own script runs too).
 */
export function analyse(events, isWidget = () => true, window = null, spanIsWidget = !!window) {
  const thread = mainThread(events)
  const result = { scripting: 0, widgetScripting: 0, busy: 0, longTasks: [], byUrl: {} }
  if (!thread) return result
  const from = window ? window.from : -Infinity
  const to = window ? window.to : Infinity
  const overlap = (ts, end) => Math.max(0, Math.min(end, to) - Math.max(ts, from))
  const on = events
    .filter((e) => e.pid == thread.pid && e.tid == thread.tid && e.ph == 'X' && e.dur != null)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const tasks = on.filter((e) => e.name == 'RunTask' || e.name == 'ThreadControllerImpl::RunTask')
  // Top-level script events: not nested in another script event.
  let scriptEnd = -1
  let current = null
  const tops = []
  for (const e of on) {
    const end = e.ts + e.dur
    if (SCRIPT.has(e.name)) {
      if (e.ts >= scriptEnd) {
        current = { ts: e.ts, end, self: e.dur, renderEnd: 0, urls: {} }
        tops.push(current)
        scriptEnd = end
      }
      const url = urlOf(e)
      if (url) current.urls[url] = (current.urls[url] || 0) + e.dur
    } else if (RENDER.has(e.name) && current && e.ts < scriptEnd && end <= scriptEnd && e.ts >= current.renderEnd) {
      // Rendering forced by the script; what nests inside this one is not subtracted twice.
      current.self -= e.dur
      current.renderEnd = end
    }
  }
  const topUrl = (urls) => Object.keys(urls).sort((a, b) => urls[b] - urls[a])[0] || ''
  for (const top of tops) {
    const ms = Math.min(Math.max(top.self, 0), overlap(top.ts, top.end)) / 1000
    if (!ms) continue
    const url = topUrl(top.urls)
    result.scripting += ms
    result.byUrl[url] = (result.byUrl[url] || 0) + ms
    if (isWidget(url)) result.widgetScripting += ms
  }
  // Tasks do not nest on one thread except for the rare nested run loop: count outermost only.
  let taskEnd = -1
  for (const task of tasks) {
    if (task.ts < taskEnd) continue
    taskEnd = task.ts + task.dur
    const ms = overlap(task.ts, taskEnd) / 1000
    if (!ms) continue
    result.busy += ms
    if (task.dur / 1000 > LONG_TASK_MS) {
      const urls = {}
      for (const t of tops)
        if (t.ts >= task.ts && t.ts < taskEnd) for (const [u, d] of Object.entries(t.urls)) urls[u] = (urls[u] || 0) + d
      const widget = spanIsWidget || Object.keys(urls).some(isWidget)
      result.longTasks.push({ ms: task.dur / 1000, url: topUrl(urls), widget })
    }
  }
  return result
}
