// What ran inside one span of the page's main thread (a long task): the script events at its top
// with their URL and function, every trace event by self time, and a sampled CPU profile by
// function. Used by long-tasks.mjs; the profile's clock is the trace's (µs).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SCRIPT } from './trace.mjs'

export { mainThread } from './trace.mjs'

const file = (url) => (url || '').split('/').pop().split('?')[0]

// A script event named as DevTools would: the file and function, the event type, the timer.
function describe(e) {
  const data = (e.args && (e.args.data || e.args)) || {}
  const where = data.url || (data.stackTrace && data.stackTrace[0] && data.stackTrace[0].url) || ''
  const parts = [file(where)]
  if (data.functionName) parts.push(`${data.functionName}()`)
  if (data.lineNumber != null) parts.push(`:${data.lineNumber}`)
  if (data.type) parts.push(`[${data.type}]`)
  return { url: where, what: parts.filter(Boolean).join(' ') }
}

/** The script events not nested in another one between `from` and `to` (µs), longest first. */
export function topScripts(onThread, from, to) {
  const tops = []
  let end = -1
  for (const e of onThread.filter((x) => x.ts >= from && x.ts < to).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (!SCRIPT.has(e.name) || e.ts < end) continue
    end = e.ts + e.dur
    // The URL of the first nested event that names one, when the top one does not (microtasks).
    let named = describe(e)
    if (!named.url) {
      const inner = onThread.find((x) => x.ts >= e.ts && x.ts < end && x !== e && describe(x).url)
      if (inner) named = { url: describe(inner).url, what: `→ ${describe(inner).what}` }
    }
    tops.push({ name: e.name, ms: e.dur / 1000, ...named })
  }
  return tops.sort((a, b) => b.ms - a.ms)
}

/** Self time (ms) per event name between `from` and `to` (µs), most first. */
export function byName(onThread, from, to) {
  const inside = onThread.filter((e) => e.ts >= from && e.ts + e.dur <= to).sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const self = {}
  const stack = []
  for (const e of inside) {
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

/**
 * Names a minified function by the build's source maps in `dist` (`file.js.map`), as
 * `name src/file.ts:line`; as it is (`name file.js:line:col`) when there is no map or no
 * @jridgewell/trace-mapping (the main install's, through rollup) to read one.
 */
export async function sourceNamer(dist) {
  let mapping = null
  try {
    mapping = await import('@jridgewell/trace-mapping')
  } catch {
    // minified names only
  }
  const maps = new Map()
  const mapOf = (name) => {
    if (!maps.has(name)) {
      const path = join(dist, name + '.map')
      maps.set(name, mapping && existsSync(path) ? new mapping.TraceMap(readFileSync(path, 'utf8')) : null)
    }
    return maps.get(name)
  }
  return ({ functionName, url, lineNumber, columnNumber }) => {
    const name = file(url)
    const map = /^touchpoint[\w-]*\.js$/.test(name) && mapOf(name)
    const found = map && mapping.originalPositionFor(map, { line: lineNumber + 1, column: columnNumber })
    if (!found || !found.source) return `${functionName || '(anonymous)'} ${name}:${lineNumber}:${columnNumber}`
    return `${found.name || functionName || '(anonymous)'} ${found.source.replace(/^(\.\.\/)+/, '')}:${found.line}`
  }
}

/**
 * Self time (ms) per function of the profile's samples between `from` and `to` (µs), most
 * first; `name(callFrame)` names each (sourceNamer).
 */
export function byFunction(profile, from, to, name = (f) => `${f.functionName || '(anonymous)'} ${file(f.url)}`) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = {}
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] || 0
    if (at < from || at > to) return
    const key = name(nodes.get(id).callFrame)
    self[key] = (self[key] || 0) + (profile.timeDeltas[i + 1] || 0) / 1000
  })
  return Object.entries(self)
    .filter(([, ms]) => ms >= 0.5)
    .sort((a, b) => b[1] - a[1])
}
