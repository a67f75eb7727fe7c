import { maskPii } from '../shared/mask.js'
import type { SurveyResponse } from '../shared/types.js'

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key)

/**
 * The copy of a valid answer that is stored: only the fields the schema names (an unknown extra
 * field could be megabytes, or nested deep enough to break `JSON.stringify`), with e-mail
 * addresses and phone numbers in the comment masked by the same rules as the survey UI, since
 * not every sender is our widget.
 *
 * @example
 * cleanAnswer({ ...answer, comment: 'mail me: a@b.vn', extra: 'x'.repeat(1e6) }, ['id', 'comment', …])
 * // → { …answer, comment: 'mail me: [email]' }, no `extra`
 */
export function cleanAnswer(answer: SurveyResponse, fields: readonly string[]): SurveyResponse {
  const clean: Record<string, unknown> = {}
  for (const field of fields) if (own(answer, field)) clean[field] = (answer as unknown as Record<string, unknown>)[field]
  if (typeof clean.comment === 'string') clean.comment = maskPii(clean.comment)
  return clean as unknown as SurveyResponse
}
