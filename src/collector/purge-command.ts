import { parseArgs } from 'node:util'
import { openPurger } from './retention'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export const PURGE_USAGE = `usage: touchpoint-collector purge --before <date> | --id <uuid> [--id <uuid> …]
  --before 2026-01-01          deletes every answer given before that day (UTC), or before an ISO time
  --id 6f1c…                   deletes that answer (repeat for more)
  The database is DB_PATH (default ./touchpoint.db).`

/**
 * `touchpoint-collector purge …`: deletes answers by date or by id from the database file.
 * Returns the exit code: 0 done, 2 wrong arguments, 1 the database could not be opened.
 *
 * @example
 * runPurge(['--before', '2026-01-01'], { DB_PATH: './touchpoint.db' }, console.log) // prints "purged 42 answers …"
 */
export function runPurge(args: string[], env: Record<string, string | undefined>, print: (line: string) => void): number {
  let values: { before?: string; id?: string[] }
  try {
    values = parseArgs({ args, options: { before: { type: 'string' }, id: { type: 'string', multiple: true } }, strict: true }).values
  } catch (err) {
    print(`${(err as Error).message}\n${PURGE_USAGE}`)
    return 2
  }
  const ids = values.id ?? []
  const before = values.before === undefined ? null : new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.before) ? `${values.before}T00:00:00.000Z` : values.before)
  const problem = purgeProblem(values.before, before, ids)
  if (problem) {
    print(`${problem}\n${PURGE_USAGE}`)
    return 2
  }
  const dbPath = env.DB_PATH || './touchpoint.db'
  let purger
  try {
    purger = openPurger(dbPath)
  } catch (err) {
    print(`cannot open ${dbPath}: ${(err as Error).message}`)
    return 1
  }
  try {
    if (before) print(`purged ${purger.before(before)} answers given before ${before.toISOString()} from ${dbPath}`)
    if (ids.length) print(`purged ${purger.ids(ids)} of ${ids.length} answers by id from ${dbPath}`)
  } finally {
    purger.close()
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
