import type { SurveyResponse } from '../../shared/types.js'
import type { Comment, ScoreCount, StoredResponse, TallyRow } from './store.js'

/** The columns of `responses`, in the order every engine writes them. */
export const COLUMNS = [
  'id',
  'survey',
  'kind',
  'score',
  'comment',
  'emotion',
  'stage',
  'touchpoint',
  'url',
  'locale',
  'at',
  'received_at',
  'raw',
  'display',
  'device',
  'visitor',
] as const

/** The optional answer fields (schema step 3): a stored answer without them reads back without them. */
export const OPTIONAL_COLUMNS = ['display', 'device', 'visitor'] as const

/** An answer as a row: `bare` is its wire object with no comment, to compare copies of one id. */
export interface Row {
  id: string
  survey: string
  kind: string
  score: number
  comment: string | null
  emotion: string | null
  stage: string
  touchpoint: string
  url: string
  locale: string
  at: string
  received_at: string
  raw: string
  bare: string
  display: string | null
  device: string | null
  visitor: string | null
}

/**
 * The whole wire object is kept in `raw`, so fields added to the wire format later are not
 * lost before the table learns about them. `bare` is what `raw` holds for the same answer
 * sent without its comment: a later copy may add a comment only when its `bare` equals the
 * stored `raw` exactly (same score, kind, survey, stage, touchpoint, url, locale, time and
 * every other field), so no replay can rewrite an answer.
 */
export function toRow(response: SurveyResponse, receivedAt: string): Row {
  const raw = JSON.stringify(response)
  return {
    id: response.id,
    survey: text(response.survey),
    kind: response.kind,
    score: response.score,
    comment: response.comment === null ? null : text(response.comment),
    emotion: response.emotion,
    stage: response.stage,
    touchpoint: response.touchpoint,
    url: text(response.url),
    locale: text(response.locale),
    at: normaliseTime(response.at),
    received_at: receivedAt,
    // Without a comment (nine answers in ten) the answer is its own bare copy: one JSON.stringify, not two.
    raw,
    bare: response.comment === null ? raw : JSON.stringify({ ...response, comment: null }),
    display: response.display ?? null,
    device: response.device ?? null,
    visitor: response.visitor ?? null,
  }
}

// PostgreSQL text cannot hold U+0000, which JSON allows: both engines store U+FFFD instead
// (raw keeps the original, escaped), so a stray NUL never fails a whole group of answers.
const text = (value: string) => value.replace(/\u0000/g, '\ufffd')

// Times are compared as text, so every stored `at` is the same UTC shape
// (`2026-11-23T09:59:58.000Z`) whatever offset the browser wrote.
export function normaliseTime(at: string): string {
  const time = Date.parse(at)
  return Number.isNaN(time) ? at : new Date(time).toISOString()
}

/** A selected row back into a stored answer (drivers may hand numbers back as strings). */
export function toStored(row: Record<string, unknown>): StoredResponse {
  const stored: Record<string, unknown> = { ...row, score: Number(row.score) }
  for (const column of OPTIONAL_COLUMNS)
    if (stored[column] === null || stored[column] === undefined) delete stored[column]
  return stored as unknown as StoredResponse
}

export function toComment(row: Record<string, unknown>): Comment {
  const { id, at, stage, touchpoint, kind, score, emotion, comment, locale } = row as unknown as Comment
  return { id, at, stage, touchpoint, kind, score: Number(score), emotion, comment: comment.trim(), locale }
}

/** Which answers of a group were stored first and which were copies, counted per request. */
export function countStored<R>(
  requests: R[][],
  isNew: (row: R, index: number) => boolean,
): { stored: number; duplicates: number }[] {
  let index = 0
  return requests.map((rows) => {
    let stored = 0
    for (const row of rows) if (isNew(row, index++)) stored++
    return { stored, duplicates: rows.length - stored }
  })
}

export function toScoreCount(row: Record<string, unknown>): ScoreCount {
  const { stage, touchpoint, kind } = row as unknown as ScoreCount
  return { stage, touchpoint, kind, score: Number(row.score), n: Number(row.n) }
}

/** A tally row with numbers as numbers (PostgreSQL hands COUNT back as a string). */
export function toTallyRow(row: Record<string, unknown>): TallyRow {
  const tally = { ...row, n: Number(row.n) } as TallyRow
  if (row.score !== undefined) tally.score = Number(row.score)
  return tally
}
