import type { SurveyDisplay } from '../../shared/types.js'
import type { DisplayCount } from './store.js'
import { normaliseTime } from './rows.js'

/** The columns of `displays`, in the order every engine writes them. */
export const DISPLAY_COLUMNS = [
  'id',
  'event',
  'survey',
  'kind',
  'stage',
  'touchpoint',
  'url',
  'locale',
  'at',
  'device',
  'visitor',
  'received_at',
] as const

/** A display as a row. A display is never completed by a later copy: the first copy of an id stays. */
export type DisplayRow = Record<(typeof DISPLAY_COLUMNS)[number], string | null>

export function toDisplayRow(display: SurveyDisplay, receivedAt: string): DisplayRow {
  return {
    id: display.id,
    event: display.event,
    survey: text(display.survey),
    kind: display.kind,
    stage: display.stage,
    touchpoint: display.touchpoint,
    url: text(display.url),
    locale: text(display.locale),
    at: normaliseTime(display.at),
    device: display.device ?? null,
    visitor: display.visitor ?? null,
    received_at: receivedAt,
  }
}

// As for answers (rows.ts): PostgreSQL text cannot hold U+0000.
const text = (value: string) => value.replace(/\u0000/g, '\ufffd')

export function toDisplayCount(row: Record<string, unknown>): DisplayCount {
  const { stage, touchpoint, survey, kind, event } = row as unknown as DisplayCount
  return { stage, touchpoint, survey, kind, event, n: Number(row.n) }
}
