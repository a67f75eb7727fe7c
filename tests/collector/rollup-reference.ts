// The reference for the daily rollups: the same counts computed over the rows (GROUP BY), on a
// connection of the test's own. The rollups must equal it in every range, after any writes.
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import pg from 'pg'
import { displayCountsQuery, tallyQuery, type Query } from '../../src/collector/storage/queries'
import { toDisplayCount } from '../../src/collector/storage/display-rows'
import { toTallyRow } from '../../src/collector/storage/rows'
import type {
  DisplayCount,
  ResponseStore,
  TallyFilter,
  TallyKey,
  TallyRow,
  TimeRange,
} from '../../src/collector/storage'
import type { Engine } from './engines'

export interface Reference {
  tally(range: TimeRange, by: readonly TallyKey[], filter?: TallyFilter): Promise<TallyRow[]>
  displayCounts(range: TimeRange): Promise<DisplayCount[]>
  /** Each rollup table as stored, and as a fill from the rows computes it (both in key order). */
  tables(): Promise<{ table: string; stored: unknown[]; computed: unknown[] }[]>
  close(): Promise<void>
}

// What the rollups must hold: schema step 5's fill, which reads only the rows.
const FILLS = {
  answer_counts: `SELECT substr(at, 1, 10) AS day, touchpoint, stage, survey, kind, score,
    CASE WHEN display IS NULL THEN 0 ELSE 1 END AS displayed, COUNT(*) AS n FROM responses
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
  segment_counts: `SELECT substr(at, 1, 10) AS day, stage, kind, score, COALESCE(device, '') AS device,
    COALESCE(visitor, '') AS visitor, lower(substr(locale, 1, 2)) AS language, COUNT(*) AS n FROM responses
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
  display_counts: `SELECT substr(at, 1, 10) AS day, touchpoint, stage, survey, kind, event, COUNT(*) AS n,
    MIN(at) AS first_at FROM displays GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
}
const STORED = {
  answer_counts: 'SELECT * FROM answer_counts ORDER BY 1, 2, 3, 4, 5, 6, 7',
  segment_counts: 'SELECT * FROM segment_counts ORDER BY 1, 2, 3, 4, 5, 6, 7',
  display_counts: 'SELECT * FROM display_counts ORDER BY 1, 2, 3, 4, 5, 6',
}

// Numbers as numbers: PostgreSQL hands bigint back as a string.
const plain = (rows: Record<string, unknown>[]) =>
  rows.map((row) => ({ ...row, n: Number(row.n), ...('score' in row ? { score: Number(row.score) } : {}) }))

export async function openReference(engine: Engine, location: string): Promise<Reference> {
  let all: (query: Query) => Promise<Record<string, unknown>[]>
  let close: () => Promise<void>
  if (engine === 'sqlite') {
    const db = new Database(location)
    all = async ({ sql, params }) => db.prepare(sql).all(...params) as Record<string, unknown>[]
    close = async () => {
      db.close()
    }
  } else {
    const client = new pg.Client(location)
    await client.connect()
    all = async ({ sql, params }) => (await client.query(sql, params)).rows
    close = () => client.end()
  }
  return {
    tally: async (range, by, filter) => (await all(tallyQuery(engine, range, by, filter))).map(toTallyRow),
    displayCounts: async (range) => (await all(displayCountsQuery(engine, range))).map(toDisplayCount),
    async tables() {
      const tables = []
      for (const table of Object.keys(FILLS) as (keyof typeof FILLS)[]) {
        const stored = plain(await all({ sql: STORED[table], params: [] }))
        tables.push({ table, stored, computed: plain(await all({ sql: FILLS[table], params: [] })) })
      }
      return tables
    },
    close,
  }
}

/** Every tally the report asks for, and a few it does not (served by the rows, or by no key). */
export const TALLIES: [TallyKey[], TallyFilter?][] = [
  [['touchpoint', 'stage', 'survey', 'kind', 'score']],
  [['touchpoint', 'stage', 'survey'], { displayed: true }],
  [['touchpoint', 'stage', 'kind', 'score', 'day']],
  [['stage', 'kind', 'score', 'device', 'visitor', 'language']],
  [['day']],
  [[]],
  [['touchpoint', 'device']],
]

/** Checks every tally and the display counts in `range` against the rows. */
export async function expectExact(store: ResponseStore, reference: Reference, range: { from?: string; to?: string }) {
  for (const [by, filter] of TALLIES) {
    expect(await store.tally(range, by, filter), `${by.join(',')} ${JSON.stringify(range)}`).toEqual(
      await reference.tally(range, by, filter),
    )
  }
  expect(await store.displayCounts(range), `displays ${JSON.stringify(range)}`).toEqual(
    await reference.displayCounts(range),
  )
}

/** Checks each rollup table, row by row, against a fill from the rows. */
export async function expectTablesExact(reference: Reference) {
  for (const { table, stored, computed } of await reference.tables()) expect(stored, table).toEqual(computed)
}
