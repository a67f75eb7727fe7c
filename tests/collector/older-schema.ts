import Database from 'better-sqlite3'
import { DISPLAY_COLUMNS, type toDisplayRow } from '../../src/collector/storage/display-rows'
import { MIGRATIONS, SCHEMA_TABLE_SQL } from '../../src/collector/storage/migrations'
import { COLUMNS, type toRow } from '../../src/collector/storage/rows'
import { withClient, type Engine, type Target } from './engines'

const RECORD = 'INSERT INTO touchpoint_schema (version, description, applied_at) VALUES ($1, $2, $3)'
const insertInto = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`

/**
 * Writes the database at `target` as the released schema steps up to `version` left it, holding
 * `answers` and `displays` the way that collector wrote them, so that a test can open it with
 * today's collector and watch it upgrade.
 *
 * @example
 * await databaseAtStep(engine, target, 4, { answers: rows, displays: displayRows })
 */
export async function databaseAtStep(
  engine: Engine,
  target: Target,
  version: number,
  {
    answers = [],
    displays = [],
  }: { answers?: ReturnType<typeof toRow>[]; displays?: ReturnType<typeof toDisplayRow>[] },
) {
  const steps = MIGRATIONS.filter((step) => step.version <= version)
  const tables = [
    { sql: insertInto('responses', COLUMNS), columns: COLUMNS, rows: answers as unknown as Record<string, unknown>[] },
    {
      sql: insertInto('displays', DISPLAY_COLUMNS),
      columns: DISPLAY_COLUMNS,
      rows: displays as Record<string, unknown>[],
    },
  ]
  if (engine === 'sqlite') {
    const db = new Database(target.location)
    db.exec(SCHEMA_TABLE_SQL)
    for (const step of steps) {
      db.exec(step.sqlite)
      db.prepare(RECORD.replace(/\$\d/g, '?')).run(step.version, step.description, '2026-11-01')
    }
    for (const { sql, columns, rows } of tables)
      for (const row of rows) db.prepare(sql.replace(/\$\d+/g, '?')).run(...columns.map((c) => row[c]))
    db.close()
    return
  }
  await withClient(target.location, async (client) => {
    await client.query(SCHEMA_TABLE_SQL)
    for (const step of steps) {
      await client.query(step.postgres)
      await client.query(RECORD, [step.version, step.description, '2026-11-01'])
    }
    for (const { sql, columns, rows } of tables)
      for (const row of rows)
        await client.query(
          sql,
          columns.map((c) => row[c]),
        )
  })
}
