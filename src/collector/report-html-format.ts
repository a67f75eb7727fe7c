import type { ReportWords } from './report-i18n.js'
import type { Interval } from './stats/intervals.js'

/**
 * Escapes text for HTML content and attribute values. Every answer field passes through it.
 *
 * @example
 * escapeHtml('<b>"hi"</b>') // → '&lt;b&gt;&quot;hi&quot;&lt;/b&gt;'
 */
export const escapeHtml = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * Loads the number formats of these languages now. The process's first `Intl.NumberFormat`
 * takes 20–110 ms (ICU loads its data), which the first `/report` and every request queued
 * behind it would otherwise wait for; the collector calls this when it starts.
 */
export function loadNumberFormats(languages: readonly ReportWords[]): void {
  for (const words of languages) formatter(words).num(0)
}

/** Numbers, ranges and counts in the report's language. */
export function formatter(words: ReportWords) {
  const formats = new Map<number, Intl.NumberFormat>()
  const num = (x: number, digits = 0) => {
    let format = formats.get(digits)
    if (!format)
      formats.set(
        digits,
        (format = new Intl.NumberFormat(words.locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        })),
      )
    // −0 prints as "-0": a rounded tiny negative is shown as 0.
    return format.format(Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x)
  }
  const signed = (x: number, digits = 0) => (x > 0 ? '+' : x < 0 ? '−' : '') + num(Math.abs(x), digits)
  return {
    num,
    signed,
    /** `3.8–4.4`; with a negative end `−91 – −43`, signed, so the dash cannot read as a minus. */
    range: (ci: Interval | null, digits = 0, scale = 1) => {
      if (!ci) return '–'
      const [low, high] = [ci[0] * scale, ci[1] * scale]
      return low < 0 ? `${signed(low, digits)} – ${signed(high, digits)}` : `${num(low, digits)}–${num(high, digits)}`
    },
    percent: (share: number, digits = 0) => `${num(share * 100, digits)}%`,
    answers: (n: number) => words.answers(num(n), n),
  }
}
export type Formatter = ReturnType<typeof formatter>

/**
 * A range bar: the scale as a track, the 95% range as a band, the value as a tick; its
 * words in `title` and for screen readers.
 */
export function rangeBar(
  value: number | null,
  ci: Interval | null,
  scale: [number, number],
  tone: string,
  label: string,
): string {
  if (value === null || !ci) return ''
  const at = (x: number) => (((x - scale[0]) / (scale[1] - scale[0])) * 100).toFixed(1)
  const width = (((ci[1] - ci[0]) / (scale[1] - scale[0])) * 100).toFixed(1)
  return `<span class="rb ${tone}" role="img" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}"><span class="band" style="left:${at(ci[0])}%;width:${width}%"></span><span class="tick" style="left:${at(value)}%"></span></span>`
}
