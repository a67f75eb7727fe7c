// What where.mjs reads from one traced show(): the main thread's trace events by name (self time)
// and a sampled CPU profile by function, both over the span between the bench's marks.

// Self time per event name on the busiest renderer main thread, between `from` and `to` (µs).
export function byName(events, from, to) {
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
export function byFunction(profile, from, to) {
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
