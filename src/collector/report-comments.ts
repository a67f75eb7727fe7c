import { TOUCHPOINTS } from '../shared/vocabulary.js'
import type { SurveyKind, Touchpoint } from '../shared/types.js'
import { isLowScore } from './report-vocabulary.js'
import { runToEnd, type Steps } from './report-slices.js'
import type { Comment } from './storage/index.js'
import { foldText } from './themes/fold.js'
import { mentions } from './themes/themes.js'

/** low: NPS 0–6, CSAT or emotion 1–2, CES 1–2 · high: NPS 9–10, CSAT or emotion 4–5, CES 6–7 · neutral: the rest. */
export type ScoreGroup = 'low' | 'neutral' | 'high'
export const SCORE_GROUPS: readonly ScoreGroup[] = ['low', 'neutral', 'high']

export interface CommentFilter {
  touchpoint?: Touchpoint
  group?: ScoreGroup
  /** A theme key (`shipping fee`). */
  theme?: string
  /** Words to find, accents optional ("phi ship" finds "phí ship"). */
  search?: string
}

/** A query parameter the filter cannot use. */
export class CommentFilterError extends Error {
  readonly name = 'CommentFilterError'
}

export const scoreGroup = (kind: SurveyKind, score: number): ScoreGroup =>
  isLowScore(kind, score)
    ? 'low'
    : (kind === 'nps' ? score >= 9 : kind === 'ces' ? score >= 6 : score >= 4)
      ? 'high'
      : 'neutral'

/**
 * The comment filter from `?touchpoint=&group=&theme=&q=`; throws a `CommentFilterError`
 * naming a value it does not know.
 *
 * @example
 * parseCommentFilter(new URLSearchParams('touchpoint=checkout&q=phi ship')) // → { touchpoint: 'checkout', search: 'phi ship' }
 */
export function parseCommentFilter(query: URLSearchParams): CommentFilter {
  const filter: CommentFilter = {}
  const touchpoint = query.get('touchpoint')
  if (touchpoint) {
    if (!TOUCHPOINTS.includes(touchpoint as Touchpoint))
      throw new CommentFilterError(`touchpoint must be one of ${TOUCHPOINTS.join(', ')}, not "${touchpoint}"`)
    filter.touchpoint = touchpoint as Touchpoint
  }
  const group = query.get('group')
  if (group) {
    if (!SCORE_GROUPS.includes(group as ScoreGroup))
      throw new CommentFilterError(`group must be low, neutral or high, not "${group}"`)
    filter.group = group as ScoreGroup
  }
  const theme = foldText(query.get('theme') ?? '')
  if (theme) filter.theme = theme
  const search = (query.get('q') ?? '').trim().slice(0, 200)
  if (search) filter.search = search
  return filter
}

/** The comments that pass the filter, in their order. */
export function filterComments(comments: readonly Comment[], filter: CommentFilter): Comment[] {
  return runToEnd(filterCommentSteps(comments, filter))
}

/**
 * `filterComments` as steps (report-slices.ts), stopping after `limit` found: a theme or words
 * to find fold every comment they test, which over thousands of comments is worth slicing.
 */
export function* filterCommentSteps(
  comments: readonly Comment[],
  filter: CommentFilter,
  limit = Infinity,
): Steps<Comment[]> {
  const words = filter.search ? foldText(filter.search) : ''
  const found: Comment[] = []
  for (const c of comments) {
    if (found.length >= limit) break
    const passes =
      (!filter.touchpoint || c.touchpoint === filter.touchpoint) &&
      (!filter.group || scoreGroup(c.kind, c.score) === filter.group) &&
      (!filter.theme || mentions(c, filter.theme)) &&
      (!words || ` ${foldText(c.comment)} `.includes(` ${words}`))
    if (passes) found.push(c)
    yield
  }
  return found
}
