import { maskPii } from '../shared/mask.js'
import type { SurveyDisplay, SurveyResponse } from '../shared/types.js'

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key)

/** Only the named fields, own ones only, the url without its query string and fragment. */
function pick(item: object, fields: readonly string[]): Record<string, unknown> {
  const clean: Record<string, unknown> = {}
  for (const field of fields) if (own(item, field)) clean[field] = (item as Record<string, unknown>)[field]
  if (typeof clean.url === 'string') clean.url = withoutQuery(clean.url)
  return clean
}

/**
 * A page address as the widget sends it: no `?query`, no `#fragment`. Those may carry order
 * keys, e-mail addresses or tracking ids; not every sender is our widget, so the collector
 * removes them too.
 *
 * @example
 * withoutQuery('https://shop.example/checkout/thank-you?key=wc_order_1#top') // → 'https://shop.example/checkout/thank-you'
 */
export const withoutQuery = (url: string): string => url.replace(/[?#][\s\S]*$/, '')

/**
 * The copy of a valid answer that is stored: only the fields the schema names (an unknown extra
 * field could be megabytes, or nested deep enough to break `JSON.stringify`), with e-mail
 * addresses and phone numbers in the comment masked by the same rules as the survey UI, and
 * the url without its query string, since not every sender is our widget.
 *
 * @example
 * cleanAnswer({ ...answer, comment: 'mail me: a@b.vn', extra: 'x'.repeat(1e6) }, ['id', 'comment', …])
 * // → { …answer, comment: 'mail me: [email]' }, no `extra`
 */
export function cleanAnswer(answer: SurveyResponse, fields: readonly string[]): SurveyResponse {
  const clean = pick(answer, fields)
  if (typeof clean.comment === 'string') clean.comment = maskPii(clean.comment)
  return clean as unknown as SurveyResponse
}

/** The copy of a valid display that is stored: only the schema's fields, the url without its query string. */
export const cleanDisplay = (display: SurveyDisplay, fields: readonly string[]): SurveyDisplay =>
  pick(display, fields) as unknown as SurveyDisplay
