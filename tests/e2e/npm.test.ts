import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { join, normalize } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, ROOT } from './browser'

// The npm build (dist/esm) in Chromium, the way a bundler-less ES-module page would use it: bare
// imports resolved by an import map to the package's own dependencies, the UI and transport split
// off by import(). What a developer who runs `npm install touchpoint-survey` and calls init() gets.

const IMPORTS = {
  preact: '/node_modules/preact/dist/preact.module.js',
  'preact/hooks': '/node_modules/preact/hooks/dist/hooks.module.js',
  'preact/jsx-runtime': '/node_modules/preact/jsx-runtime/dist/jsxRuntime.module.js',
  nanostores: '/node_modules/nanostores/index.js',
  ky: '/node_modules/ky/distribution/index.js',
}
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script>window.process = { env: { NODE_ENV: 'production' } } // what a bundler inlines for nanostores</script>
<script type="importmap">${JSON.stringify({ imports: IMPORTS })}</script></head>
<body class="woocommerce-cart"><h1>Cart</h1>
<script type="module">
  import { init, detectStage } from '/dist/esm/index.js'
  window.stageBefore = detectStage()
  window.tp = init({ endpoint: '/collect', locale: 'vi', flushMs: 60000 })
  window.again = init({ endpoint: '/elsewhere' })
</script></body></html>`

// A developer's typo: the warning is worded by the diagnostics chunk, which the npm build loads by import().
const TYPO = PAGE.replace(
  "window.tp = init({ endpoint: '/collect', locale: 'vi', flushMs: 60000 })",
  "window.tp = init({ endpoint: '/collect', postion: 'bottom-left' })",
)

let browser: Browser
let server: Server
let base = ''
const received: any[] = []

beforeAll(async () => {
  for (const file of ['dist/esm/index.js', 'node_modules/preact/dist/preact.module.js'])
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run npm install and npm run build first`)
  server = createServer((req, res) => {
    const path = normalize(new URL(req.url || '/', 'http://x').pathname)
    if (path == '/collect') {
      let body = ''
      req.on('data', (c) => (body += c)).on('end', () => (received.push(JSON.parse(body)), res.writeHead(204).end()))
      return
    }
    if (path == '/cart/' || path == '/typo/')
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(path == '/cart/' ? PAGE : TYPO)
    const file = join(ROOT, path)
    const served =
      (path.startsWith('/dist/esm/') || path.startsWith('/node_modules/')) && path.endsWith('.js') && existsSync(file)
    res.writeHead(served ? 200 : 404, { 'content-type': 'text/javascript' }).end(served ? readFileSync(file) : '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address == 'object' && address ? address.port : 0}`
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

describe('the npm build in Chromium', () => {
  it('init() runs without a global, detects the page, shows a survey from its own UI chunk and delivers the answer', async () => {
    const tab = await browser.newPage()
    const errors: string[] = []
    tab.on('pageerror', (e) => errors.push(e.message))
    await tab.goto(`${base}/cart/`)
    await tab.waitForFunction(() => (window as any).tp?.version)
    const chunks = () =>
      tab.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name.split('/').pop()!)
          .filter((n) => /^(ui|transport)-/.test(n)),
      )

    expect(
      await tab.evaluate(() => ({
        global: 'touchpoint' in window,
        same: (window as any).again === (window as any).tp,
        stage: (window as any).stageBefore,
        version: (window as any).tp.version,
      })),
    ).toEqual({
      global: false,
      same: true,
      version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version, // written in by the build
      stage: expect.objectContaining({ touchpoint: 'cart', stage: 'decision', signal: 'woocommerce:body-class' }),
    })
    // The cart arms an exit-intent survey, so the UI may be prefetched at idle; nothing is sent yet.
    expect((await chunks()).filter((name) => name.startsWith('transport-'))).toEqual([])

    expect(await tab.evaluate(() => (window as any).tp.show('nps'))).toBe(true)
    await tab.getByRole('dialog').waitFor()
    expect(await tab.getByRole('radio').count()).toBe(11)
    await tab.getByRole('radio', { name: '9', exact: true }).check()
    await tab.getByRole('textbox').fill('giao hàng nhanh')
    await tab.getByRole('button', { name: 'Gửi' }).click()
    await tab.evaluate(() => (window as any).tp.flush())
    await expect
      .poll(() => received.flatMap((b) => b.responses), { timeout: 15_000 })
      .toEqual([
        expect.objectContaining({
          kind: 'nps',
          score: 9,
          comment: 'giao hàng nhanh',
          touchpoint: 'cart',
          stage: 'decision',
          locale: 'vi',
        }),
      ])
    expect((await chunks()).map((n) => n.split('-')[0]).sort()).toEqual(['transport', 'ui'])
    // Clean options: the wording of warnings is never fetched.
    expect(
      await tab.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/diagnostics-/.test(e.name))),
    ).toBe(false)
    expect(errors).toEqual([])
    await tab.close()
  })

  it('words a misspelt init() option with the closest known one, from the diagnostics chunk', async () => {
    const tab = await browser.newPage()
    const warnings: string[] = []
    tab.on('console', (m) => m.type() == 'warning' && warnings.push(m.text()))
    await tab.goto(`${base}/typo/`)
    await expect
      .poll(() => warnings, { timeout: 15_000 })
      .toContain('touchpoint: unknown option postion ignored; did you mean position?')
    expect(
      await tab.evaluate(() =>
        performance.getEntriesByType('resource').some((e) => /\/diagnostics-[\w-]+\.js$/.test(e.name)),
      ),
    ).toBe(true)
    await tab.close()
  })
})
