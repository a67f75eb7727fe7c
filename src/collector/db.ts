import Database from 'better-sqlite3'
import type { SurveyResponse } from '../types'

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

export interface ResponseStore {
  /** Writes the answers in one transaction; when it returns they are on disk. */
  insert(responses: SurveyResponse[], receivedAt?: Date): InsertResult
  /** Answers with `at` inside the range, oldest first. */
  list(range?: TimeRange): StoredResponse[]
  /** How many answers are stored in all. */
  count(): number
  close(): void
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS responses (
  id          TEXT PRIMARY KEY,
  survey      TEXT NOT NULL,
  kind        TEXT NOT NULL,
  score       INTEGER NOT NULL,
  comment     TEXT,
  emotion     TEXT,
  stage       TEXT NOT NULL,
  touchpoint  TEXT NOT NULL,
  url         TEXT NOT NULL,
  locale      TEXT NOT NULL,
  at          TEXT NOT NULL,
  received_at TEXT NOT NULL,
  raw         TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS responses_at ON responses (at);
`

const COLUMNS = 'id, survey, kind, score, comment, emotion, stage, touchpoint, url, locale, at, received_at'

/**
 * Opens (or creates) the SQLite file that holds the answers.
 *
 * WAL lets the report read while answers are written; `synchronous = FULL` makes each commit
 * reach the disk before `insert` returns, so a 2xx is never sent for an answer a power cut
 * could still take away (WAL's usual NORMAL would allow that). Answers are keyed by their
 * uuid and written with `INSERT OR IGNORE`, so a retried batch or a beacon that raced a fetch
 * is stored once; only a later copy identical in every field but a comment the stored one lacks
 * adds that comment (nothing else ever changes). The answer's schema fields are kept in `raw`
 * (validation drops unknown ones), so fields the schema gains are kept before the table learns
 * about them.
 *
 * @example
 * const store = openStore('./touchpoint.db')
 * store.insert(batch.responses) // → { stored: 1, duplicates: 0 }
 * store.list({ from: '2026-11-01T00:00:00.000Z' })
 */
export function openStore(dbPath: string): ResponseStore {
  const db = new Database(dbPath)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)

  const insertOne = db.prepare(
    `INSERT OR IGNORE INTO responses (${COLUMNS}, raw)
     VALUES (@id, @survey, @kind, @score, @comment, @emotion, @stage, @touchpoint, @url, @locale, @at, @received_at, @raw)`,
  )
  // A stored answer is immutable: anyone who reads ids from the report could otherwise rewrite
  // scores. The one exception: a shopper's score can reach us before their comment (the widget
  // beacons a chosen score when the page is left), so a later copy may add the comment the
  // stored one lacks, and only when it is identical in every other field.
  const completeOne = db.prepare(
    `UPDATE responses SET comment = @comment, raw = json_set(raw, '$.comment', @comment)
     WHERE id = @id AND comment IS NULL AND @comment IS NOT NULL
       AND survey = @survey AND kind = @kind AND score = @score AND emotion IS @emotion
       AND stage = @stage AND touchpoint = @touchpoint AND url = @url AND locale = @locale AND at = @at`,
  )
  const insertAll = db.transaction((responses: SurveyResponse[], receivedAt: string): InsertResult => {
    let stored = 0
    for (const r of responses) {
      const row = { ...r, at: normaliseTime(r.at), received_at: receivedAt, raw: JSON.stringify(r) }
      const added = insertOne.run(row).changes
      if (!added) completeOne.run(row)
      stored += added
    }
    return { stored, duplicates: responses.length - stored }
  })
  const selectRange = db.prepare(
    `SELECT ${COLUMNS} FROM responses
     WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
     ORDER BY at, id`,
  )
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM responses').pluck()

  return {
    insert: (responses, receivedAt = new Date()) => insertAll(responses, receivedAt.toISOString()),
    list: (range = {}) => selectRange.all({ from: range.from ?? null, to: range.to ?? null }) as StoredResponse[],
    count: () => countAll.get() as number,
    close: () => db.close(),
  }
}

// Times are compared as text, so every stored `at` is the same UTC shape
// (`2026-11-23T09:59:58.000Z`) whatever offset the browser wrote.
const normaliseTime = (at: string): string => {
  const t = Date.parse(at)
  return Number.isNaN(t) ? at : new Date(t).toISOString()
}
