import type pg from 'pg'
import { loadDriver } from './load-driver.js'
import { pendingMigrations, SCHEMA_TABLE_SQL } from './migrations.js'
import { DISPLAY_COLUMNS, type DisplayRow } from './display-rows.js'
import { storeOverEngine } from './engine-store.js'
import type { WriteRequest } from './group-commit.js'
import { COLUMNS, countStored, type Row } from './rows.js'
import type { BatchInsertResult, ResponseStore } from './store.js'
import { ANSWER_ROLLUPS, DISPLAY_COUNTS, insertCountingPostgres, type Statement } from './rollups.js'

// Any number that is the same for every collector: they queue on it while one migrates.
const MIGRATION_LOCK = 7_411_302

// One statement per group, whatever its size: every column as an array, unnested together.
// WITH ORDINALITY keeps the group's order, so the first copy of an id is the one stored. The
// rows it inserted are counted into the daily rollups (rollups.ts) in the same statement.
const INSERT_SQL = insertCountingPostgres(
  `INSERT INTO responses (${COLUMNS.join(', ')})
  SELECT ${COLUMNS.join(', ')} FROM unnest(
    $1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[]
  ) WITH ORDINALITY AS incoming(${COLUMNS.join(', ')}, position) ORDER BY position
  ON CONFLICT (id) DO NOTHING`,
  ANSWER_ROLLUPS,
)
// Only a copy identical to the stored answer but for the comment it adds (see rows.ts).
const COMPLETE_SQL = `UPDATE responses SET comment = later.comment, raw = later.raw
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS later(id, comment, raw, bare)
  WHERE responses.id = later.id AND responses.comment IS NULL AND responses.raw = later.bare`
// Displays likewise, all columns text; a stored id is never changed.
const INSERT_DISPLAYS_SQL = insertCountingPostgres(
  `INSERT INTO displays (${DISPLAY_COLUMNS.join(', ')})
  SELECT ${DISPLAY_COLUMNS.join(', ')} FROM unnest(${DISPLAY_COLUMNS.map((_, index) => `$${index + 1}::text[]`).join(', ')})
  WITH ORDINALITY AS incoming(${DISPLAY_COLUMNS.join(', ')}, position) ORDER BY position
  ON CONFLICT (id) DO NOTHING`,
  [DISPLAY_COUNTS],
)

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(SCHEMA_TABLE_SQL)
    const { rows } = await client.query('SELECT COALESCE(MAX(version), 0) AS version FROM touchpoint_schema')
    for (const step of pendingMigrations(Number(rows[0].version))) {
      await client.query(step.postgres)
      await client.query('INSERT INTO touchpoint_schema (version, description, applied_at) VALUES ($1, $2, $3)', [
        step.version,
        step.description,
        new Date().toISOString(),
      ])
    }
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

/** Writes a group of requests in one transaction: one INSERT per table, at most one UPDATE, one commit. */
export async function writeGroup(pool: pg.Pool, requests: WriteRequest[]): Promise<BatchInsertResult[]> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const answers = await writeAnswers(
      client,
      requests.map((request) => request.responses),
    )
    const displays = await writeDisplays(
      client,
      requests.map((request) => request.displays),
    )
    await client.query('COMMIT')
    return answers.map((counts, index) => ({ ...counts, displays: displays[index] }))
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

/** Runs an INSERT of `rows`, one array per column; resolves with the ids it stored (not those already held). */
async function insertNew<R>(client: pg.PoolClient, sql: string, columns: readonly (keyof R)[], rows: R[]) {
  const inserted = await client.query<{ id: string }>(
    sql,
    columns.map((column) => rows.map((row) => row[column])),
  )
  return new Set(inserted.rows.map((row) => row.id))
}

async function writeAnswers(client: pg.PoolClient, requests: Row[][]) {
  const rows = requests.flat()
  // Most groups of displays-only batches hold no answer: no round trip for them.
  if (!rows.length) return countStored(requests, () => false)
  const newIds = await insertNew(client, INSERT_SQL, COLUMNS, rows)
  // The first copy of an id in the group was the one inserted; the rest may complete it.
  const credited = new Set<string>()
  // Copies of ids already stored that carry a comment: the first of each may complete it.
  const completing = new Map<string, Row>()
  const results = countStored(requests, (row) => {
    if (newIds.has(row.id) && !credited.has(row.id)) {
      credited.add(row.id)
      return true
    }
    if (row.comment !== null && !completing.has(row.id)) completing.set(row.id, row)
    return false
  })
  const candidates = [...completing.values()]
  // Most groups hold only new answers: then there is nothing to complete and no second round trip.
  if (candidates.length) {
    await client.query(
      COMPLETE_SQL,
      (['id', 'comment', 'raw', 'bare'] as const).map((column) => candidates.map((row) => row[column])),
    )
  }
  return results
}

async function writeDisplays(client: pg.PoolClient, requests: DisplayRow[][]) {
  const rows = requests.flat()
  if (!rows.length) return countStored(requests, () => false)
  const newIds = await insertNew(client, INSERT_DISPLAYS_SQL, DISPLAY_COLUMNS, rows)
  // Only the first copy of an id in the group counts as stored.
  return countStored(requests, (row) => newIds.delete(row.id as string))
}

// Two groups in flight: one is sent and inserted while the other waits for its WAL flush.
const GROUPS_IN_FLIGHT = 2
// A report asks six queries at once and two reports build at a time (report-admission.ts);
// four connections let them overlap without running twelve queries against collection.
export const READ_CONNECTIONS = 4

/**
 * The PostgreSQL engine: many stateless collectors share one database. Each collector groups
 * the requests that arrive while its previous group commits; the server answers only after
 * COMMIT, which PostgreSQL returns once the WAL is flushed (`synchronous_commit = on`).
 *
 * @example
 * const store = openPostgresStore('postgres://touchpoint@db.internal/touchpoint')
 * await store.insert(batch.responses) // → { stored: 1, duplicates: 0 }, committed
 */
export function openPostgresStore(databaseUrl: string, { readConnections = READ_CONNECTIONS } = {}): ResponseStore {
  const { Pool } = loadDriver('pg')
  // Reads (the report, the CSV export, the health check) and purges share a small pool: a
  // collector's reports never run more than this many queries on the server at once, so they
  // cannot take the server's CPU from the inserts of this or any other collector.
  const pool = new Pool({ connectionString: databaseUrl, max: readConnections })
  // Group commit has connections of its own, one per group in flight: reports that fill the
  // read pool must never leave a group of answers waiting for a connection.
  const writePool = new Pool({ connectionString: databaseUrl, max: GROUPS_IN_FLIGHT })
  // An idle connection that the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  writePool.on('error', () => {})

  return storeOverEngine({
    name: 'postgres',
    opening: migratePostgres(pool),
    write: (requests) => writeGroup(writePool, requests),
    groupsInFlight: GROUPS_IN_FLIGHT,
    select: async (query) => (await pool.query(query.sql, query.params)).rows as Record<string, unknown>[],
    // A purge and the counts it takes from the rollups, in one transaction.
    async together(statements: Statement[]) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        let counted = 0
        for (const { sql, params, counts } of statements) {
          const { rows } = await client.query(sql, params)
          if (counts) counted = Number(rows[0].n)
        }
        await client.query('COMMIT')
        return counted
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {})
        throw err
      } finally {
        client.release()
      }
    },
    async close() {
      await Promise.all([pool.end(), writePool.end()])
    },
  })
}
