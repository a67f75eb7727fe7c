import type {
  DisplayEvent,
  Emotion,
  Stage,
  SurveyDisplay,
  SurveyKind,
  SurveyResponse,
  Touchpoint,
} from '../../shared/types.js'

/** A stored answer: the wire fields plus when the collector received it. */
export interface StoredResponse extends SurveyResponse {
  received_at: string
}

/** Inclusive bounds on the answer time `at`, as ISO 8601 strings; either may be open. */
export interface TimeRange {
  from?: string | null
  to?: string | null
}

export interface InsertResult {
  /** Answers written by this call. */
  stored: number
  /** Answers whose id was already stored (a retry or a second beacon): ignored. */
  duplicates: number
}

/** What one batch's write did: its answers' counts, and its displays' under `displays`. */
export interface BatchInsertResult extends InsertResult {
  displays: InsertResult
}

/** How many displays of one event (shown, dismissed) one survey had at one touchpoint in one stage. */
export interface DisplayCount {
  stage: Stage
  touchpoint: Touchpoint
  survey: string
  kind: SurveyKind
  event: DisplayEvent
  n: number
}

/** How many answers of one kind gave one score at one touchpoint in one stage. */
export interface ScoreCount {
  stage: Stage
  touchpoint: Touchpoint
  kind: SurveyKind
  score: number
  n: number
}

/**
 * What report counts may be grouped by (storage/queries.ts says how each is computed). `week`
 * is the Monday (`YYYY-MM-DD`, UTC) of the answer's day: the trend over long ranges, counted
 * by the database in a seventh of the rows a `day` tally takes.
 */
export type TallyKey =
  'touchpoint' | 'stage' | 'survey' | 'kind' | 'score' | 'day' | 'week' | 'language' | 'device' | 'visitor'

/** One group of answers: its keys and how many answers it holds. */
export type TallyRow = { n: number } & { [key in TallyKey]?: string | number | null }

export interface TallyFilter {
  /** Only answers that name the display (`display` id) they answer: the response-rate numerator. */
  displayed?: boolean
}

/** A comment as the report quotes it (trimmed). */
export interface Comment {
  id: string
  at: string
  stage: Stage
  touchpoint: Touchpoint
  kind: SurveyKind
  score: number
  emotion: Emotion | null
  comment: string
  locale: string
}

export interface CommentQuery {
  /** `newest`: newest first. `lowest`: lowest score first (on one 0–1 scale across kinds), then newest. */
  order: 'newest' | 'lowest'
  limit: number
  touchpoint?: Touchpoint
}

/** Where a page of answers ends; the next page starts after it. */
export interface PageCursor {
  at: string
  id: string
}

/**
 * Where answers live. Two engines behave the same: SQLite (one file, one machine) and
 * PostgreSQL (many collectors, one database).
 *
 * - `insert` resolves only once the answers are on disk (a commit that survived an fsync).
 *   Inserts that arrive together share one transaction (group commit).
 * - An id is stored once. A later copy of it never changes the stored kind, score, survey,
 *   stage, touchpoint, url, locale or time; it may only add a comment the stored copy lacks,
 *   and only when it is identical to the stored copy in everything else.
 * - The report's figures are computed by the database (`tally`, `displayCounts`, `comments`);
 *   long queries never hold up an `insert`. `tally` and `displayCounts` read daily counts
 *   (rollups.ts) that every insert and purge keeps in step in its own transaction; they equal
 *   the GROUP BY over the rows for any range.
 * - `purgeBefore` and `purgeIds` delete answers for good (retention, the `purge` command);
 *   they are the only way a stored answer ever leaves. `purgeDisplaysBefore` does the same
 *   for displays.
 * - Displays (a survey shown, a survey dismissed) are stored once per id, as first received:
 *   a later copy never changes one. A batch's answers and displays share one transaction.
 */
export interface ResponseStore {
  /** Which engine, for logs and /healthz. */
  readonly engine: 'sqlite' | 'postgres'
  /** Resolves once the database is open and its schema current; rejects with the reason otherwise. */
  ready(): Promise<void>
  insert(responses: SurveyResponse[], receivedAt?: Date): Promise<InsertResult>
  /** Only displays; as `insertBatch` with no answers. */
  insertDisplays(displays: SurveyDisplay[], receivedAt?: Date): Promise<InsertResult>
  /** A batch's answers and displays in ONE transaction (group commit as `insert`), on disk when it resolves. */
  insertBatch(
    batch: { responses: SurveyResponse[]; displays: SurveyDisplay[] },
    receivedAt?: Date,
  ): Promise<BatchInsertResult>
  /** The stored answer with this id, or null. */
  get(id: string): Promise<StoredResponse | null>
  /** Answers with `at` inside the range, oldest first (by `at`, then `id`), after `cursor`, at most `limit`. */
  page(range: TimeRange, cursor: PageCursor | null, limit: number): Promise<StoredResponse[]>
  /** The answer counts per stage, touchpoint, kind and score, in the order each group first appeared in time. */
  scoreCounts(range: TimeRange): Promise<ScoreCount[]>
  /** Answers inside the range counted per group of `by` (all of them when `by` is empty). */
  tally(range: TimeRange, by: readonly TallyKey[], filter?: TallyFilter): Promise<TallyRow[]>
  /** Non-blank comments inside the range. */
  comments(range: TimeRange, query: CommentQuery): Promise<Comment[]>
  /** The display counts per stage, touchpoint, survey, kind and event (`at` inside the range), in the order each group first appeared in time. */
  displayCounts(range: TimeRange): Promise<DisplayCount[]>
  /** How many answers are stored in all: the sum of the daily counts, cheap enough for every health check. */
  count(): Promise<number>
  /** How many displays are stored in all. */
  countDisplays(): Promise<number>
  /** Deletes every answer given (`at`) before this instant, for retention and `purge --before`; resolves with how many. */
  purgeBefore(time: Date): Promise<number>
  /** Deletes the answers with these ids (`purge --id`); resolves with how many there were. */
  purgeIds(ids: string[]): Promise<number>
  /** Deletes every display (`at`) before this instant, for retention and `purge --before`; resolves with how many. */
  purgeDisplaysBefore(time: Date): Promise<number>
  /** Waits for writes in flight, then closes; later calls reject. */
  close(): Promise<void>
}

/** Thrown by a store's methods after `close()`. */
export class StoreClosedError extends Error {
  readonly name = 'StoreClosedError'
  constructor() {
    super('the answer store is closed')
  }
}
