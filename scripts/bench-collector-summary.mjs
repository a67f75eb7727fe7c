// The benchmark's report: the machine and its load first (wall-clock figures mean little
// without them), then one table per phase, then each goal of issue 13 met or not, as Markdown.

const NAMES = { sqlite: 'SQLite (file on disk)', postgres: 'PostgreSQL' }
const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`
const count = (value) => value.toLocaleString('en')
const verdict = (ok, text) => `${ok ? 'met' : '**not met**'}: ${text}`

/** The Markdown summary of one `npm run bench:collector` run. */
export function summary({ startedAt, seconds, rows, machine, loadAtStart, loadAtEnd, postgres, results }) {
  const engines = Object.entries(results)
  const minutes = Math.round((Date.now() - startedAt) / 60_000)
  const lines = [
    `Collector benchmark, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${minutes} min)`,
    '',
    `- Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}, Node ${machine.node}`,
    `- Disk: ${machine.disk}`,
    `- ${machine.sqlite}; the collector writes in WAL mode with synchronous = FULL (the WAL is fsynced at every commit)`,
    ...(postgres
      ? [
          `- PostgreSQL ${postgres.version}, settings as the server reports them: fsync = ${postgres.fsync}, ` +
            `synchronous_commit = ${postgres.synchronous_commit}, full_page_writes = ${postgres.full_page_writes}`,
        ]
      : []),
    `- Load average (1 / 5 / 15 min, as \`uptime\`) at the start ${loadAtStart}, at the end ${loadAtEnd}. ` +
      'The machine has 2 cores: above ~1.5 other programs were running and the wall-clock figures suffer.',
  ]
  const loads = engines.filter(([, { load }]) => load)
  if (loads.length) {
    lines.push(
      '',
      `### Throughput: 50 clients POST 10-answer batches for ${seconds} s`,
      '',
      '| engine | answers/s acknowledged | POST p50 / p99 / max | non-2xx / errors | acknowledged ids missing afterwards | answers per collector CPU-second | load generator CPU | load average before → after |',
      '|---|---|---|---|---|---|---|---|',
      ...loads.map(
        ([engine, { load }]) =>
          `| ${NAMES[engine]} | ${count(load.answersPerSecond)} | ${ms(load.p50)} / ${ms(load.p99)} / ${ms(load.max)} | ` +
          `${load.non2xx} / ${load.errors} | ${load.missing} of ${count(load.acked)} | ${count(load.answersPerCpuSecond)} | ` +
          `${Math.round(load.clientCpuShare * 100)} % of a core | ${load.loadBefore} → ${load.loadAfter} |`,
      ),
    )
  }
  const kills = engines.filter(([, { kill }]) => kill)
  if (kills.length) {
    lines.push(
      '',
      '### kill -9 after 3 s of the same load, then a restart on the same database',
      '',
      '| engine | acknowledged before the kill | missing after the restart | requests cut or refused after the kill (never acknowledged; the widget sends them again) |',
      '|---|---|---|---|',
      ...kills.map(
        ([engine, { kill }]) =>
          `| ${NAMES[engine]} | ${count(kill.ackedAtKill)} | **${kill.missing}** | ${count(kill.unanswered)} |`,
      ),
    )
  }
  const reports = engines.filter(([, { report }]) => report)
  if (reports.length) {
    lines.push(
      '',
      `### Report over ${count(rows)} answers, and POST while 4 clients loop on /report`,
      '',
      '| engine | seeding | /api/report median / max (5 runs) | POST p50 / p99 / max (4 connections, 10 s; how many) | POST non-2xx + errors | /report median during that (how many) | load average during |',
      '|---|---|---|---|---|---|---|',
      ...reports.map(
        ([engine, { report }]) =>
          `| ${NAMES[engine]} | ${Math.round(report.seedSeconds)} s | ${ms(report.apiMedian)} / ${ms(report.apiMax)} | ` +
          `${ms(report.postP50)} / ${ms(report.postP99)} / ${ms(report.postMax)} (${count(report.postsAnswered)}) | ${report.postFailures} | ` +
          `${ms(report.reportMedian)} (${report.reportsDuringPosts}) | ${report.loadDuring} |`,
      ),
    )
  }
  lines.push('', '### Against the goals of issue 13', '')
  lines.push(
    `| goal | ${engines.map(([engine]) => NAMES[engine]).join(' | ')} |`,
    `|---|${engines.map(() => '---|').join('')}`,
  )
  const goal = (label, check) => lines.push(`| ${label} | ${engines.map(([, result]) => check(result)).join(' | ')} |`)
  if (loads.length) {
    goal('≥ 5,000 answers/s', ({ load }) =>
      load ? verdict(load.answersPerSecond >= 5000, count(load.answersPerSecond)) : '—',
    )
    goal('POST p99 < 250 ms under that load', ({ load }) => (load ? verdict(load.p99 < 250, ms(load.p99)) : '—'))
  }
  if (loads.length || kills.length) {
    goal('every acknowledged id stored (load, kill -9)', ({ load, kill }) => {
      const missing = [load, kill].filter(Boolean).map((phase) => phase.missing)
      return missing.length
        ? verdict(
            missing.every((n) => n === 0),
            `${missing.join(' + ')} missing`,
          )
        : '—'
    })
  }
  if (reports.length) {
    goal(`/api/report < 1 s over ${count(rows)} answers`, ({ report }) =>
      report ? verdict(report.apiMedian < 1000, `median ${ms(report.apiMedian)}`) : '—',
    )
    goal('POST p99 < 100 ms while 4 clients loop on /report', ({ report }) =>
      report ? verdict(report.postP99 < 100, ms(report.postP99)) : '—',
    )
  }
  return lines.join('\n')
}
