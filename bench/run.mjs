// npm run bench: the same store page with no widget, with touchpoint-survey and with PostHog web
// surveys, in headless Chromium on a loopback server, paired runs interleaved. Prints the table
// and, for a full run (7 runs or more), writes it to bench/RESULTS.md. See bench/README.md.
//   node bench/run.mjs [--runs 7]
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../scripts/chromium-launch.mjs'
import { DIST, ROOT, startServer } from './server.mjs'
import { CPU_THROTTLE, visit as measureVisit } from './visit.mjs'
import { rows } from './rows.mjs'
import { table } from './report.mjs'

const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7
const LIMIT_MIN = 60

const newest = (path) =>
  statSync(path).isDirectory()
    ? Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))))
    : statSync(path).mtimeMs

// The widget's build, made when missing or older than src/ (the collector is not needed here).
function ensureBuilt() {
  if (process.env.BENCH_DIST) return
  const loader = join(DIST, 'touchpoint.js')
  if (existsSync(loader) && statSync(loader).mtimeMs >= newest(join(ROOT, 'src'))) return
  console.log('bench: building dist/ (rollup -c)')
  const built = spawnSync('npx', ['rollup', '-c'], { cwd: ROOT, stdio: 'inherit' })
  if (built.status !== 0) throw new Error('bench: the build failed')
}

// What `uptime` says (the machine's load: other processes share its cores), or the load averages.
function uptime() {
  const out = spawnSync('uptime', { encoding: 'utf8' })
  return out.status == 0
    ? out.stdout.trim().replace(/^.*?load/, 'load')
    : loadavg()
        .map((n) => n.toFixed(2))
        .join(', ')
}

const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length])

async function main() {
  if (!(RUNS >= 1)) throw new Error('--runs needs a number ≥ 1')
  const launchOptions = chromiumLaunchOptions() // fails here, before the build, without a Chromium
  ensureBuilt()
  const started = new Date()
  const loadBefore = loadavg()[0]
  const uptimeBefore = uptime()
  const browser = await chromium.launch(launchOptions)
  const server = await startServer()
  const runs = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const run = { traced: {}, cpu: {}, slow: {}, armed: {}, home: {}, confirmation: {} }
      // A visit that fails is retried and left out; a browser that is gone (killed, crashed, or
      // closed by Playwright on SIGTERM) would fail every visit left: stop without writing results.
      const visit = async (...args) => {
        if (!browser.isConnected()) throw new Error('bench: the browser is gone; stopping without results')
        return measureVisit(...args)
      }
      // Interleaved and rotated: each variant meets the machine in every position of a run.
      // The floor (variants.mjs): the show span with nothing to do, measured alike, no answer.
      for (const variant of rotate(['none', 'touchpoint', 'posthog', 'posthog-defaults', 'floor'], i)) {
        const steps =
          variant == 'touchpoint' || variant == 'posthog'
            ? ['load', 'show', 'answer']
            : variant == 'floor'
              ? ['load', 'show']
              : ['load']
        run.traced[variant] = await visit(browser, server, variant, { steps })
        run.cpu[variant] = await visit(browser, server, variant, { steps: steps.slice(0, 2), throttle: 1 })
      }
      for (const variant of rotate(['touchpoint', 'posthog', 'floor'], i)) {
        if (variant != 'floor')
          run.slow[variant] = await visit(browser, server, variant, { steps: ['load', 'show'], slow: true })
        run.armed[variant] = await visit(browser, server, variant, { steps: ['load', 'show'], armed: true })
      }
      for (const variant of rotate(['none', 'touchpoint', 'posthog'], i)) {
        run.home[variant] = await visit(browser, server, variant, { page: 'home' })
        const steps = variant == 'touchpoint' ? ['load', 'auto'] : ['load']
        run.confirmation[variant] = await visit(browser, server, variant, { page: 'confirmation', steps })
      }
      runs.push(run)
      console.log(`bench: run ${i + 1}/${RUNS} done (${Math.round((Date.now() - started) / 1000)} s)`)
    }
  } finally {
    await browser.close().catch(() => {})
    await server.close()
  }
  const machine = [
    `- ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${RUNS} paired runs, CPU throttled ${CPU_THROTTLE}× (traces) and unthrottled (CPU time)`,
    `- ${cpus().length} CPUs (nproc), ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GB RAM; load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
    `- \`uptime\` at the start: ${uptimeBefore}; at the end: ${uptime()}`,
    `- Chromium ${browser.version()} headless, Node ${process.version}, posthog-js ${JSON.parse(readFileSync(join(ROOT, 'bench/node_modules/posthog-js/package.json'), 'utf8')).version}`,
  ].join('\n')
  const failed = runs.flatMap((run) =>
    Object.entries(run).flatMap(([kind, visits]) =>
      Object.values(visits)
        .filter((v) => v.error)
        .map((v) => `${kind}/${v.variant}: ${v.error.split('\n')[0]}`),
    ),
  )
  const failures = failed.length
    ? `\n- ${failed.length} visit(s) failed twice and are left out: ${failed.join('; ')}`
    : '\n- every visit completed'
  const markdown = `${machine}${failures}\n\n${table(rows(runs, server.tagBytes))}\n`
  console.log(`\n${markdown}`)
  writeFileSync(join(ROOT, 'bench/last-run.json'), JSON.stringify(runs))
  if (RUNS >= 7) {
    const results = readFileSync(join(ROOT, 'bench/RESULTS.md'), 'utf8').replace(
      /<!-- results -->[\s\S]*<!-- \/results -->/,
      `<!-- results -->\n${markdown}<!-- /results -->`,
    )
    writeFileSync(join(ROOT, 'bench/RESULTS.md'), results)
    console.log('bench: wrote bench/RESULTS.md')
  }
}

const limit = setTimeout(() => {
  console.error(`bench: still running after ${LIMIT_MIN} minutes; stopping`)
  process.exit(2)
}, LIMIT_MIN * 60_000)
limit.unref()
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
