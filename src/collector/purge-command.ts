import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openStore } from './storage/index.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export const PURGE_USAGE = `usage: touchpoint-collector purge --before <date> | --id <uuid> [--id <uuid> …]
  --before 2026-01-01          deletes every answer given and every display (survey shown or dismissed)
                               before that day (UTC), or before an ISO time
  --id 6f1c…                   deletes that answer (repeat for more)
  The database is DATABASE_URL (PostgreSQL) when set, else the SQLite file DB_PATH (default ./touchpoint.db).`

/**
 * `touchpoint-collector purge …`: deletes answers (and displays) by date, or answers by id, from the collector's
 * database (PostgreSQL at `DATABASE_URL`, else the SQLite file at `DB_PATH`).
 * Resolves with the exit code: 0 done, 2 wrong arguments, 1 the database could not be opened.
 *
 * @example
 * await runPurge(['--before', '2026-01-01'], { DB_PATH: './touchpoint.db' }, console.log) // prints "purged 42 answers …"
 */
export async function runPurge(
  args: string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): Promise<number> {
  let values: { before?: string; id?: string[] }
  try {
    values = parseArgs({
      args,
      options: { before: { type: 'string' }, id: { type: 'string', multiple: true } },
      strict: true,
    }).values
  } catch (err) {
    print(`${(err as Error).message}\n${PURGE_USAGE}`)
    return 2
  }
  const ids = values.id ?? []
  const before =
    values.before === undefined
      ? null
      : new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.before) ? `${values.before}T00:00:00.000Z` : values.before)
  const problem = purgeProblem(values.before, before, ids)
  if (problem) {
    print(`${problem}\n${PURGE_USAGE}`)
    return 2
  }
  const databaseUrl = env.DATABASE_URL?.trim()
  const dbPath = env.DB_PATH || './touchpoint.db'
  // A password in the URL is not printed.
  const where = databaseUrl ? redactUrl(databaseUrl) : dbPath
  // Opening a SQLite file that is not there would create an empty one: say so instead.
  if (!databaseUrl && !existsSync(dbPath)) {
    print(`cannot open ${dbPath}: no such file`)
    return 1
  }
  const store = openStore({ databaseUrl, dbPath })
  try {
    try {
      await store.ready()
    } catch (err) {
      print(`cannot open ${where}: ${(err as Error).message}`)
      return 1
    }
    if (before) {
      print(`purged ${await store.purgeBefore(before)} answers given before ${before.toISOString()} from ${where}`)
      print(
        `purged ${await store.purgeDisplaysBefore(before)} displays shown or dismissed before ${before.toISOString()} from ${where}`,
      )
    }
    if (ids.length) print(`purged ${await store.purgeIds(ids)} of ${ids.length} answers by id from ${where}`)
  } finally {
    await store.close()
  }
  return 0
}

function purgeProblem(beforeText: string | undefined, before: Date | null, ids: string[]): string | null {
  if (!before && !ids.length) return 'say what to purge'
  if (before && Number.isNaN(before.getTime())) return `--before must be a date like 2026-01-01, not "${beforeText}"`
  const badId = ids.find((id) => !UUID.test(id))
  if (badId !== undefined) return `--id must be an answer's uuid, not "${badId}"`
  return null
}

// Never print a password from a URL.
const redactUrl = (databaseUrl: string) => databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
