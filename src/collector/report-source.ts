import type {
  Comment,
  CommentQuery,
  DisplayCount,
  ResponseStore,
  TallyFilter,
  TallyKey,
  TallyRow,
  TimeRange,
} from './storage/index.js'
import { scaled } from './report-figures.js'
import { mondayOf } from './report-trend-days.js'
import type { SurveyResponse } from '../shared/types.js'

export type { DisplayCount } from './storage/index.js'

/** Where a report's counts come from: the database (`storeSource`) or a list in memory (`memorySource`). */
export interface ReportSource {
  tally(by: readonly TallyKey[], filter?: TallyFilter): Promise<TallyRow[]>
  displays(): Promise<DisplayCount[]>
  comments(query: CommentQuery): Promise<Comment[]>
}

/** The answers in `range` of a store: every count computed by the database. */
export function storeSource(store: ResponseStore, range: TimeRange): ReportSource {
  return {
    tally: (by, filter) => store.tally(range, by, filter),
    displays: () => store.displayCounts(range),
    comments: (query) => store.comments(range, query),
  }
}

type Answer = SurveyResponse & { display?: string | null; device?: string | null; visitor?: string | null }

const KEY_OF: Record<TallyKey, (a: Answer) => string | number | null> = {
  touchpoint: (a) => a.touchpoint,
  stage: (a) => a.stage,
  survey: (a) => a.survey,
  kind: (a) => a.kind,
  score: (a) => a.score,
  day: (a) => new Date(a.at).toISOString().slice(0, 10),
  week: (a) => mondayOf(new Date(a.at).toISOString().slice(0, 10)),
  language: (a) => a.locale.slice(0, 2).toLowerCase(),
  device: (a) => a.device ?? null,
  visitor: (a) => a.visitor ?? null,
}

/**
 * The same counts from answers (and displays) held in memory, for `buildReport` and tests.
 *
 * @example
 * await buildReportFrom(memorySource(answers))
 */
export function memorySource(answers: readonly Answer[], displays: readonly DisplayCount[] = []): ReportSource {
  return {
    async tally(by, filter = {}) {
      const groups = new Map<string, TallyRow>()
      for (const answer of answers) {
        if (filter.displayed && !answer.display) continue
        const values = by.map((key) => KEY_OF[key](answer))
        const id = JSON.stringify(values)
        const row = groups.get(id) ?? (Object.fromEntries(by.map((key, i) => [key, values[i]])) as TallyRow)
        row.n = (row.n ?? 0) + 1
        groups.set(id, row)
      }
      return [...groups.values()]
    },
    displays: async () => [...displays],
    async comments(query) {
      const order = (a: Answer, b: Answer) =>
        query.order === 'lowest' ? scaledAny(a) - scaledAny(b) || newestFirst(a, b) : newestFirst(a, b)
      return answers
        .filter((a) => a.comment && a.comment.trim() && (!query.touchpoint || a.touchpoint === query.touchpoint))
        .sort(order)
        .slice(0, query.limit)
        .map(({ id, at, stage, touchpoint, kind, score, emotion, comment, locale }) => ({
          id,
          at,
          stage,
          touchpoint,
          kind,
          score,
          emotion,
          comment: comment!.trim(),
          locale,
        }))
    },
  }
}

const scaledAny = (a: Answer) => scaled(a.kind, a.score) ?? (a.score - 1) / 6
const newestFirst = (a: Answer, b: Answer) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)
