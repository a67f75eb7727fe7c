#!/usr/bin/env node
/**
 * `npx touchpoint-collector`: runs the reference collector with settings from the environment
 * (see env.ts). Stops cleanly on Ctrl-C / SIGTERM so the database is closed, not cut.
 * `npx touchpoint-collector purge --before 2026-01-01 | --id <uuid>` deletes answers (purge-command.ts).
 */
import { settingsFromEnv } from './env'

async function main() {
  if (process.argv[2] === 'purge') {
    const { runPurge } = await import('./purge-command')
    process.exit(runPurge(process.argv.slice(3), process.env, (line) => console.log(line)))
  }
  const { port, host, options } = settingsFromEnv(process.env)
  // Loaded late so that a missing optional dependency gets the hint below, not a bare stack trace.
  const { createCollector } = await import('./server')
  const collector = createCollector(options)
  const { url } = await collector.listen(port, host)
  console.log(`touchpoint collector on ${url}
  POST ${url}/collect     answers (JSON or text/plain)
  GET  ${url}/report      journey map (?lang=vi, ?from=2026-11-01&to=2026-11-30)
  GET  ${url}/api/report  the same as JSON · ${url}/report.csv · ${url}/healthz
  database ${options.dbPath} · origins ${options.allowOrigins!.join(', ')} · answers kept ${options.retentionDays ? `${options.retentionDays} days` : 'for ever'}`)
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

main().catch((err: Error) => {
  console.error(`touchpoint-collector: ${err.message}`)
  if (/better-sqlite3|better_sqlite3|ajv/.test(err.message)) {
    console.error('The collector needs its optional dependencies: npm install better-sqlite3@12 ajv ajv-formats')
  }
  process.exit(1)
})
