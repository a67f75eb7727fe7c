// The bench's measures, read from each run's visits: what the table shows, in the order it
// shows them, with the targets. See bench/README.md for what each one means.

const VARIANTS = ['none', 'touchpoint', 'posthog', 'posthog-defaults']
const bytes = (b) => (b ? b.down + b.up : 0)
const widgetLongTasks = (phase) => (phase ? phase.longTasks.filter((t) => t.widget).length : 0)
// "None" holds only when no run of touchpoint had one: the median would hide a run that did.
const none = (p, t, all) => all.length > 0 && Math.max(...all) == 0
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
  // A visit counts when it has the phase read (a failed visit has none).
  const ok = (visit) => visit && !visit.error
  const traced = (fn) => collect((run, v) => (ok(run.traced[v]) ? fn(run.traced[v], v) : null))
  const onPage = (name, fn) => collect((run, v) => (run[name] && ok(run[name][v]) ? fn(run[name][v], v) : null))
  const withShow = (fn) => collect((run, v) => (ok(run.traced[v]) && run.traced[v].show ? fn(run.traced[v], v) : null))
  const onShown = (name, fn) =>
    collect((run, v) => (run[name] && ok(run[name][v]) && run[name][v].show ? fn(run[name][v], v) : null))
  const cpu = (fn) => collect((run, v) => (ok(run.cpu[v]) && ok(run.cpu.none) ? fn(run.cpu[v], run.cpu.none) : null))
  // The show sections: the widgets' show phase, and in the no-widget column the floor's (the same
  // span for a rendered element made visible: what it costs with nothing to do; variants.mjs).
  const shown = (visit) => (ok(visit) && visit.show ? visit.show : null)
  const showPhase = (name, read) =>
    collect((run, v) => {
      const phase = run[name] && shown(run[name][v == 'none' ? 'floor' : v])
      return phase ? read(phase) : null
    })
  // A widget's figure less the floor's of the same run: its own cost, without the bench's.
  const aboveFloor = (name, read) =>
    collect((run, v) => {
      const phase = v != 'none' && run[name] && shown(run[name][v])
      const floor = run[name] && shown(run[name].floor)
      return phase && floor ? read(phase) - read(floor) : null
    })
  const section = (title) => ({ label: `**${title}**`, unit: '', values: {} })

  // Page load on a page where no survey can show, and on one where a survey opens by itself.
  const otherPage = (name, title) => [
    section(title),
    { label: 'JavaScript downloaded', unit: 'B', values: onPage(name, (r) => r.load.bytes.js) },
    { label: 'widget requests', unit: '', values: onPage(name, (r) => r.load.bytes.requests) },
    { label: 'widget scripting (trace, 4×)', unit: 'ms', values: onPage(name, (r) => r.load.widgetScripting) },
    { label: 'widget long tasks (> 50 ms at 4×)', unit: '', values: onPage(name, (r) => widgetLongTasks(r.load)) },
  ]

  return [
    section('Product page load, no survey shown'),
    {
      label: 'JavaScript fetched before the load event',
      unit: 'B',
      values: traced((r) => r.load.scripts.before),
      target: '≥ 15×',
      met: atLeast(15),
    },
    {
      label: '… fetched after it, at idle (touchpoint: the UI prefetch)',
      unit: 'B',
      values: traced((r) => r.load.scripts.after),
    },
    { label: 'JavaScript downloaded, all (server count)', unit: 'B', values: traced((r) => r.load.bytes.js) },
    {
      label: 'widget bytes, all (tag + requests + responses)',
      unit: 'B',
      values: traced((r, v) => tagBytes[v] + bytes(r.load.bytes)),
    },
    { label: 'widget requests', unit: '', values: traced((r) => r.load.bytes.requests) },
    {
      label: 'widget scripting up to the load event (trace, 4×)',
      unit: 'ms',
      values: traced((r) => r.load.beforeLoad),
      target: '≥ 8×',
      met: atLeast(8),
    },
    {
      label: '… after it, at idle (touchpoint: prefetch and warm-up)',
      unit: 'ms',
      values: traced((r) => r.load.afterLoad),
    },
    { label: 'widget scripting, all (trace, 4×)', unit: 'ms', values: traced((r) => r.load.widgetScripting) },
    { label: 'all page scripting (trace, 4×)', unit: 'ms', values: traced((r) => r.load.scripting) },
    { label: 'main-thread CPU time, whole page (unthrottled)', unit: 'ms', values: cpu((r) => r.load.cpuMs) },
    {
      label: '… over the page without a widget (paired)',
      unit: 'ms',
      values: cpu((r, none) => r.load.cpuMs - none.load.cpuMs),
    },
    {
      label: 'widget long tasks, load and idle (> 50 ms at 4×)',
      unit: '',
      values: traced((r) => widgetLongTasks(r.load)),
      target: 'none',
      met: none,
    },
    { label: 'CLS', unit: 'CLS', values: traced((r) => r.load.cls) },
    { label: 'JS heap after GC', unit: 'MB', values: traced((r) => r.load.heapMb) },
    section(
      'show() → survey painted (both: an NPS; touchpoint: not armed on this page, so rendered at show; no widget: the floor)',
    ),
    { label: 'time to painted (4×)', unit: 'ms', values: showPhase('traced', (r) => r.paintedMs) },
    {
      label: 'main-thread scripting (trace, 4×)',
      unit: 'ms',
      values: showPhase('traced', (r) => r.scripting),
      target: '≥ 3×',
      met: atLeast(3),
    },
    {
      label: '… above the floor (less the floor of the same run)',
      unit: 'ms',
      values: aboveFloor('traced', (r) => r.scripting),
    },
    {
      label: 'main-thread busy: script, style, layout, paint (trace, 4×)',
      unit: 'ms',
      values: showPhase('traced', (r) => r.busy),
    },
    { label: '… above the floor', unit: 'ms', values: aboveFloor('traced', (r) => r.busy) },
    { label: 'main-thread CPU time (unthrottled)', unit: 'ms', values: showPhase('cpu', (r) => r.cpuMs) },
    {
      label: 'long tasks (> 50 ms at 4×)',
      unit: '',
      values: withShow((r) => r.show.longTasks.length),
      target: 'none from the widget',
      met: none,
    },
    { label: 'bytes fetched', unit: 'B', values: withShow((r) => bytes(r.show.bytes)) },
    {
      label: 'time to painted on slow 4G (150 ms RTT, 1.6 Mbps, 4×)',
      unit: 'ms',
      values: collect((run, v) => (ok(run.slow[v]) ? run.slow[v].show.paintedMs : null)),
    },
    section(
      'show() of the survey armed on the page → painted (touchpoint: emotion, prepared at idle; PostHog: its NPS; no widget: the floor)',
    ),
    { label: 'time to painted (4×)', unit: 'ms', values: showPhase('armed', (r) => r.paintedMs) },
    {
      label: 'main-thread scripting (trace, 4×)',
      unit: 'ms',
      values: showPhase('armed', (r) => r.scripting),
      target: '≥ 3×',
      met: atLeast(3),
    },
    {
      label: '… above the floor (less the floor of the same run)',
      unit: 'ms',
      values: aboveFloor('armed', (r) => r.scripting),
    },
    {
      label: 'main-thread busy: script, style, layout, paint (trace, 4×)',
      unit: 'ms',
      values: showPhase('armed', (r) => r.busy),
    },
    { label: '… above the floor', unit: 'ms', values: aboveFloor('armed', (r) => r.busy) },
    {
      label: 'long tasks (> 50 ms at 4×)',
      unit: '',
      values: onShown('armed', (r) => r.show.longTasks.length),
      target: 'none from the widget',
      met: none,
    },
    section('A survey shown, answered and sent'),
    {
      label: 'widget bytes for the page view (load + show + answer + send)',
      unit: 'B',
      values: withShow((r, v) => tagBytes[v] + bytes(r.pageView)),
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
      met: none,
    },
    { label: 'CLS at the end', unit: 'CLS', values: withShow((r) => r.answer.cls) },
    { label: 'JS heap after GC at the end', unit: 'MB', values: withShow((r) => r.answer.heapMb) },
    ...otherPage('home', 'Home page: no survey can show (nothing armed)'),
    ...otherPage('confirmation', 'Order confirmation page: page load'),
    {
      label: 'touchpoint: load → its CSAT painted by itself (3 s delay): widget scripting (trace, 4×)',
      unit: 'ms',
      values: onPage('confirmation', (r) => (r.auto ? r.auto.widgetScripting : null)),
    },
    {
      label: '… widget long tasks, load → survey painted (> 50 ms at 4×)',
      unit: '',
      values: onPage('confirmation', (r) => (r.auto ? widgetLongTasks(r.load) + widgetLongTasks(r.auto) : null)),
      target: 'none',
      met: none,
    },
  ]
}
