// The bench's measures, read from each run's visits: what the table shows, in the order it
// shows them, with the targets. See bench/README.md for what each one means.

const VARIANTS = ['none', 'touchpoint', 'posthog', 'posthog-defaults']
const bytes = (b) => (b ? b.down + b.up : 0)
const widgetLongTasks = (phase) => (phase ? phase.longTasks.filter((t) => t.widget).length : 0)
const atLeast = (times) => (posthog, touchpoint) => (touchpoint > 0 ? posthog / touchpoint >= times : posthog > 0)

/** `runs`: [{ traced, cpu, slow }] each by variant; `tagBytes`: what each variant's tag adds to the HTML. */
export function rows(runs, tagBytes) {
  // One array per variant of `read(run, variant)`, skipping visits that lack the phase read.
  const collect = (read) => {
    const values = {}
    for (const variant of VARIANTS) {
      const list = runs.map((run) => read(run, variant)).filter((v) => v != null && !Number.isNaN(v))
      if (list.length) values[variant] = list
    }
    return values
  }
  const traced = (fn) => collect((run, v) => run.traced[v] && fn(run.traced[v], v))
  const withShow = (fn) => collect((run, v) => (run.traced[v] && run.traced[v].show ? fn(run.traced[v], v) : null))
  const cpu = (fn) => collect((run, v) => run.cpu[v] && fn(run.cpu[v], run.cpu.none))
  const section = (title) => ({ label: `**${title}**`, unit: '', values: {} })

  return [
    section('Page load, no survey shown'),
    {
      label: 'JavaScript downloaded (script files)',
      unit: 'B',
      values: traced((r) => r.load.bytes.js),
      target: '≥ 15×',
      met: atLeast(15),
    },
    {
      label: 'widget bytes, all (tag + requests + responses)',
      unit: 'B',
      values: traced((r, v) => tagBytes[v] + bytes(r.load.bytes)),
    },
    { label: 'widget requests', unit: '', values: traced((r) => r.load.bytes.requests) },
    {
      label: 'widget scripting (trace, 4×)',
      unit: 'ms',
      values: traced((r) => r.load.widgetScripting),
      target: '≥ 8×',
      met: atLeast(8),
    },
    { label: 'all page scripting (trace, 4×)', unit: 'ms', values: traced((r) => r.load.scripting) },
    { label: 'main-thread CPU time, whole page (unthrottled)', unit: 'ms', values: cpu((r) => r.load.cpuMs) },
    {
      label: '… over the page without a widget (paired)',
      unit: 'ms',
      values: cpu((r, none) => r.load.cpuMs - none.load.cpuMs),
    },
    { label: 'widget long tasks (> 50 ms at 4×)', unit: '', values: traced((r) => widgetLongTasks(r.load)) },
    { label: 'CLS', unit: 'CLS', values: traced((r) => r.load.cls) },
    { label: 'JS heap after GC', unit: 'MB', values: traced((r) => r.load.heapMb) },
    section('show() → survey painted'),
    { label: 'time to painted (4×)', unit: 'ms', values: withShow((r) => r.show.paintedMs) },
    {
      label: 'main-thread scripting (trace, 4×)',
      unit: 'ms',
      values: withShow((r) => r.show.scripting),
      target: '≥ 3×',
      met: atLeast(3),
    },
    {
      label: 'main-thread busy: script, style, layout, paint (trace, 4×)',
      unit: 'ms',
      values: withShow((r) => r.show.busy),
    },
    { label: 'main-thread CPU time (unthrottled)', unit: 'ms', values: cpu((r) => (r.show ? r.show.cpuMs : null)) },
    {
      label: 'long tasks (> 50 ms at 4×)',
      unit: '',
      values: withShow((r) => r.show.longTasks.length),
      target: 'none from the widget',
      met: (p, t) => t == 0,
    },
    { label: 'bytes fetched', unit: 'B', values: withShow((r) => bytes(r.show.bytes)) },
    {
      label: 'time to painted on slow 4G (150 ms RTT, 1.6 Mbps, 4×)',
      unit: 'ms',
      values: collect((run, v) => run.slow[v] && run.slow[v].show.paintedMs),
    },
    section('A survey shown, answered and sent'),
    {
      label: 'widget bytes for the page view (load + show + answer + send)',
      unit: 'B',
      values: withShow((r, v) => tagBytes[v] + bytes(r.load.bytes) + bytes(r.show.bytes) + bytes(r.answer.bytes)),
      target: '≥ 6×',
      met: atLeast(6),
    },
    {
      label: 'widget scripting, answer → sent (trace, 4×)',
      unit: 'ms',
      values: withShow((r) => r.answer.widgetScripting),
    },
    {
      label: 'widget long tasks, page load → answer sent (4×)',
      unit: '',
      values: withShow((r) => widgetLongTasks(r.load) + r.show.longTasks.length + widgetLongTasks(r.answer)),
      target: 'none',
      met: (p, t) => t == 0,
    },
    { label: 'CLS at the end', unit: 'CLS', values: withShow((r) => r.answer.cls) },
    { label: 'JS heap after GC at the end', unit: 'MB', values: withShow((r) => r.answer.heapMb) },
  ]
}
