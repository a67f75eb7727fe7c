#!/usr/bin/env node
/**
 * `npx touchpoint-collector`: runs the reference collector with settings from the environment
 * (see env.ts). Stops cleanly on Ctrl-C / SIGTERM so that writes in flight are committed and
 * the database is closed, not cut.
 *
 * `npx touchpoint-collector purge --before 2026-01-01 | --id <uuid>` deletes answers from
 * DATABASE_URL or DB_PATH (purge-command.ts).
 *
 * `npx touchpoint-collector migrate-to-postgres --from ./touchpoint.db --to postgres://…`
 * copies a SQLite database into PostgreSQL (idempotent, resumable: run it again after a stop).
 */
import { parseArgs } from 'node:util'
import { settingsFromEnv } from './env.js'
import { requirePeers } from './peer-dependencies.js'

async function serve() {
  const { port, host, options } = settingsFromEnv(process.env)
  const { createCollector } = await import('./server.js')
  const collector = createCollector(options)
  const { url } = await collector.listen(port, host)
  const database = options.databaseUrl ? `PostgreSQL ${safeUrl(options.databaseUrl)}` : `SQLite ${options.dbPath}`
  console.log(`touchpoint collector on ${url}
  POST ${url}/collect     answers (JSON or text/plain)
  GET  ${url}/report      journey map (?lang=vi, ?from=2026-11-01&to=2026-11-30)
  GET  ${url}/api/report  the same as data (JSON) · ${url}/report.csv figures · ${url}/answers.csv answers · ${url}/healthz
  database ${database} · origins ${options.allowOrigins!.join(', ')} · answers kept ${options.retentionDays ? `${options.retentionDays} days` : 'for ever'}`)
  if (options.allowOrigins!.includes('*')) {
    console.log('  ALLOW_ORIGINS is not set: answers are accepted from any site (set it to your store origins).')
  }
  if (!options.reportPassword && !options.reportToken) {
    console.log('  REPORT_PASSWORD and REPORT_TOKEN are not set: the report routes are closed (403) until one is.')
  }
  const stop = () => void collector.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

async function migrateToPostgres(args: string[]) {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } } })
  const from = values.from ?? process.env.DB_PATH
  const to = values.to ?? process.env.DATABASE_URL
  if (!from || !to)
    throw new Error(
      'usage: touchpoint-collector migrate-to-postgres --from ./touchpoint.db --to postgres://user:password@host/database',
    )
  requirePeers(['better-sqlite3', 'pg'])
  const { copySqliteToPostgres } = await import('./storage/copy-to-postgres.js')
  const result = await copySqliteToPostgres({ from, to, log: (line) => console.log(`  ${line}`) })
  console.log(
    `copied ${result.copied} answers (${result.read - result.copied} were already there) from ${from} to ${safeUrl(to)}`,
  )
  console.log(
    `copied ${result.displaysCopied} displays (${result.displaysRead - result.displaysCopied} were already there)`,
  )
}

// Never print a password from a URL.
const safeUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')

const [command, ...rest] = process.argv.slice(2)
async function purge(args: string[]) {
  const { runPurge } = await import('./purge-command.js')
  process.exit(await runPurge(args, process.env, (line) => console.log(line)))
}

const commands: Record<string, (args: string[]) => Promise<void>> = { 'migrate-to-postgres': migrateToPostgres, purge }
const run = command in commands ? commands[command](rest) : serve()
run.catch((err: Error) => {
  // A MissingDependencyError's message names the packages and the npm install command.
  console.error(`touchpoint-collector: ${err.message}`)
  process.exit(1)
})
