import type { SurveyEvent, SurveyKind, SurveyResponse } from '../shared/types.js'
import type { Detection } from '../shared/types.js'
import { EMOTIONS } from '../shared/vocabulary.js'
import { uuid } from './uuid.js'

/** One shown survey's answer as it forms: the `show`/`dismiss` payload, and the answer for a score. */
export interface SurveyAnswer {
  /** What every copy of this answer shares (id, page, time shown); the score is still null. */
  base: SurveyEvent
  /** The wire answer for a score: a draft (comment null) or the final one. */
  respond(score: number, comment: string | null): SurveyResponse
}

/**
 * Starts the answer to a survey shown now on `win`'s page. Every copy of it (the draft of a
 * chosen score, the final answer, retries) keeps the same id and `at`, the time it was shown:
 * the collector keeps the first copy of an id and refuses a changed one (stored answers are
 * immutable), so a draft and its final copy may differ only in the comment it then accepts.
 *
 * @example
 * const answer = startAnswer(window, 'nps', 'nps', detection, 'en')
 * outbox.put(answer.respond(9, null))
 */
export function startAnswer(
  win: Window,
  survey: string,
  kind: SurveyKind,
  { stage, touchpoint }: Detection,
  locale: string,
): SurveyAnswer {
  const base: SurveyEvent = {
    id: uuid(),
    survey,
    kind,
    score: null,
    comment: null,
    emotion: null,
    stage,
    touchpoint,
    // Query strings and fragments may carry order keys or emails: keep the page's address only.
    url: win.location.origin + win.location.pathname,
    at: new Date().toISOString(),
    locale,
  }
  return {
    base,
    respond: (score, comment) => ({
      ...base,
      score,
      comment: comment && comment.slice(0, 1000), // the UI masked it (CHUNK_API 2)
      emotion: kind == 'emotion' ? EMOTIONS[score - 1] || null : null,
    }),
  }
}
