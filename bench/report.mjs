// Turns the runs into the markdown table: per metric the median and range over the paired runs
// for each variant, and PostHog's median divided by touchpoint's.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const format = (value, unit) =>
  unit == 'B'
    ? Math.round(value).toLocaleString('en-US')
    : unit == 'MB'
      ? value.toFixed(2)
      : unit == 'CLS'
        ? value.toFixed(3)
        : unit == ''
          ? String(Math.round(value * 10) / 10)
          : value < 10
            ? value.toFixed(1)
            : Math.round(value).toLocaleString('en-US')

function cell(values, unit) {
  if (!values.length) return ''
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const mid = format(median(values), unit)
  return lo == hi ? mid : `${mid} (${format(lo, unit)}–${format(hi, unit)})`
}

// Ratio of medians, PostHog / touchpoint: "15×" means touchpoint needs fifteen times less.
function ratio(posthog, touchpoint) {
  if (!posthog.length || !touchpoint.length) return ''
  const p = median(posthog)
  const t = median(touchpoint)
  if (t <= 0) return p > 0 ? '∞' : '–'
  return `${(p / t).toFixed(p / t >= 10 ? 0 : 1)}×`
}

/**
 * `rows`: { label, unit, values: { none?, touchpoint, posthog, 'posthog-defaults'? } (arrays),
 * target?, met?(ratio) }. Returns the markdown table.
 */
export function table(rows) {
  const head =
    '| measure | unit | no widget | touchpoint-survey | PostHog (surveys only) | PostHog defaults | PostHog ÷ touchpoint | target |\n' +
    '|---|---|--:|--:|--:|--:|--:|---|'
  const lines = rows.map((row) => {
    const v = row.values
    const r = ratio(v.posthog || [], v.touchpoint || [])
    const p = median(v.posthog || [0])
    const t = median(v.touchpoint || [0])
    const target = row.target ? `${row.target}${row.met ? (row.met(p, t) ? ' ✅' : ' ❌') : ''}` : ''
    return `| ${row.label} | ${row.unit} | ${cell(v.none || [], row.unit)} | ${cell(v.touchpoint || [], row.unit)} | ${cell(v.posthog || [], row.unit)} | ${cell(v['posthog-defaults'] || [], row.unit)} | ${r} | ${target} |`
  })
  return [head, ...lines].join('\n')
}
