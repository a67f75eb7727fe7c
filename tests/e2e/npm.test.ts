import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appears, page, requireBuild, ROOT, useHarness } from './harness'

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
const HEAD = `<script>window.process = { env: { NODE_ENV: 'production' } } // what a bundler inlines for nanostores</script>
<script type="importmap">${JSON.stringify({ imports: IMPORTS })}</script>`
const INIT = `<script type="module">
  import { init, detectStage } from '/dist/esm/index.js'
  window.stageBefore = detectStage()
  window.tp = init({ endpoint: '/collect', locale: 'vi', flushMs: 60000 })
  window.again = init({ endpoint: '/elsewhere' })
</script>`
const PAGE = page({ title: 'Cart', head: HEAD, bodyClass: 'woocommerce-cart', tag: INIT })
// A developer's typo: the warning is worded by the diagnostics chunk, which the npm build loads by import().
const TYPO = PAGE.replace(
  "window.tp = init({ endpoint: '/collect', locale: 'vi', flushMs: 60000 })",
  "window.tp = init({ endpoint: '/collect', postion: 'bottom-left' })",
)

requireBuild(['esm/index.js'])
const harness = useHarness({ '/cart/': PAGE, '/typo/': TYPO })

describe('the npm build in Chromium', () => {
  it('init() runs without a global, detects the page, shows a survey from its own UI chunk and delivers the answer', async () => {
    const { tab } = await harness.visit('/cart/', { api: 'tp' })
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
    await appears(tab)
    expect(await tab.getByRole('radio').count()).toBe(11)
    await tab.getByRole('radio', { name: '9', exact: true }).check()
    await tab.getByRole('textbox').fill('giao hàng nhanh')
    await tab.getByRole('button', { name: 'Gửi' }).click()
    await tab.evaluate(() => (window as any).tp.flush())
    await harness.shop.posts.until((post) => post.ids.length > 0)
    expect(harness.shop.posts.flatMap((post) => post.batch!.responses)).toEqual([
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
  })

  it('words a misspelt init() option with the closest known one, from the diagnostics chunk', async () => {
    const { tab, logged } = await harness.visit('/typo/', { api: 'tp' })
    expect(await logged(/postion/)).toBe('warning: touchpoint: unknown option postion ignored; did you mean position?')
    expect(
      await tab.evaluate(() =>
        performance.getEntriesByType('resource').some((e) => /\/diagnostics-[\w-]+\.js$/.test(e.name)),
      ),
    ).toBe(true)
  })
})
