// npm run demo: builds if needed, then serves the demo store, the collector and the report.
// Settings: PORT (8080), HOST (127.0.0.1), DB_PATH (demo/demo.db), REPORT_PASSWORD (demo).
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ensureBuilt, ROOT } from './ensure-build.mjs'

ensureBuilt()
const { startDemo } = await import('./app.mjs')
const port = Number(process.env.PORT ?? 8080)
const dbPath = resolve(process.env.DB_PATH ?? join(ROOT, 'demo', 'demo.db'))
let demo
try {
  demo = await startDemo({
    port,
    host: process.env.HOST || '127.0.0.1',
    dbPath,
    reportPassword: process.env.REPORT_PASSWORD || undefined,
  })
} catch (err) {
  console.error(
    `demo: ${err.code === 'EADDRINUSE' ? `port ${port} is in use; try PORT=8081 npm run demo` : err.message}`,
  )
  if (/better-sqlite3|better_sqlite3|ajv/.test(err.message)) {
    console.error(
      'demo: the collector needs its optional dependencies; run npm install again and check that better-sqlite3 compiled (it needs python3, make and a C++ compiler).',
    )
  }
  process.exit(1)
}
const u = demo.url.replace('127.0.0.1', 'localhost')
console.log(`
  Mây Linen demo store (WooCommerce markup) and touchpoint collector
  ${demo.seeded ? `seeded ${demo.seeded} synthetic answers into ${dbPath}` : `database ${dbPath}`}

  Store       ${u}/                 Tiếng Việt  ${u}/vi/
  Product     ${u}/product/linen-shirt/
  Checkout    ${u}/checkout/         Thank-you   ${u}/checkout/order-received/1234/?key=wc_order_Qx7pL2mA9fKc
  Report      ${u}/report            Báo cáo     ${u}/report?lang=vi
  JSON / CSV  ${u}/api/report        ${u}/report.csv
              the report asks for a password: any user name, password "${demo.reportPassword}"
              (or open ${u.replace('://', `://demo:${encodeURIComponent(demo.reportPassword)}@`)}/report; curl -u demo:${demo.reportPassword} ${u}/api/report)
${existsSync(join(ROOT, 'dist', 'touchpoint.js')) ? '' : '\n  (dist/touchpoint.js is missing: the store pages load without the survey widget)\n'}
  Ctrl-C to stop.`)
const stop = () => demo.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
