import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { page, ROOT, tag, useHarness, type TagAttributes } from './harness'

// Configuration help with the built files in Chromium: the loader keeps codes, and
// dist/touchpoint-diagnostics.js, next to it, words them, loaded only when there is something to say.

const asyncTag = (attributes: TagAttributes) => tag({ ...attributes, async: true })
// A strict CSP: only scripts carrying the nonce run, so the chunk loads only if data-nonce reaches it.
const CSP = `<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-n0nce'">`

const harness = useHarness({
  '/misspelt': page({ tag: asyncTag({ 'data-postion': 'bottom-left', 'data-accent': 'blu' }) }),
  '/clean': page({
    tag: asyncTag({ 'data-position': 'bottom-left', 'data-accent': '#0a7d5a', 'data-cfasync': 'false' }),
  }),
  '/strict': page({
    head: CSP,
    tag: asyncTag({ nonce: 'n0nce', 'data-nonce': 'n0nce', 'data-acent': '#000' }),
    where: 'head',
  }),
  '/debug': page({ tag: asyncTag({ 'data-debug': true }) }),
  // A store that copied only the loader: the chunk is missing next to it.
  '/lonely/shop': page({ tag: asyncTag({ src: '/lonely/touchpoint.js', 'data-postion': 'bottom-left' }) }),
  '/lonely/touchpoint.js': readFileSync(join(ROOT, 'dist/touchpoint.js'), 'utf8'),
})

/** Opens `path` and records every chunk the page asks for (`api: false`: under a CSP that forbids the test's own polling). */
async function visit(path: string, api?: false) {
  const chunks: string[] = []
  const listen = (tab: Page) =>
    tab.on('request', (r) => void (r.url().includes('/touchpoint-') && chunks.push(r.url().split('/').pop()!)))
  return { ...(await harness.visit(path, { api, listen })), chunks }
}

describe('configuration help in Chromium', () => {
  it('words a misspelt attribute and a bad colour as two readable warnings', async () => {
    const v = await visit('/misspelt')
    expect(await v.logged(/data-postion/)).toBe(
      'warning: touchpoint: unknown attribute data-postion ignored; did you mean data-position?',
    )
    expect(await v.logged(/data-accent/)).toBe(
      'warning: touchpoint: data-accent="blu" is not a CSS colour; using the default accent',
    )
    expect(v.lines.filter((l) => l.startsWith('warning:'))).toHaveLength(2)
    expect(v.chunks).toEqual(['touchpoint-diagnostics.js'])
  })
  it('does not load the diagnostics chunk on a page with a clean tag', async () => {
    const v = await visit('/clean')
    // The loader asks for the chunk while its own script runs, so by now a request would have gone out.
    await v.tab.waitForLoadState('load')
    expect(await v.tab.evaluate(() => !!document.querySelector('script[src*="touchpoint-diagnostics"]'))).toBe(false)
    expect(v.chunks).toEqual([])
    expect(v.lines).toEqual([])
  })

  it('loads the chunk under a strict CSP with data-nonce', async () => {
    const v = await visit('/strict', false)
    expect(await v.logged(/data-acent/)).toBe(
      'warning: touchpoint: unknown attribute data-acent ignored; did you mean data-accent?',
    )
    expect(v.lines.join('\n')).not.toMatch(/Content Security Policy/)
  })

  it('still warns, in compact form, when the chunk is missing next to the loader', async () => {
    const v = await visit('/lonely/shop')
    expect(await v.logged(/unknown-option/)).toMatch(/^warning: touchpoint: unknown-option /)
    expect(v.chunks).toEqual(['touchpoint-diagnostics.js'])
  })

  it('with data-debug, says what was detected and why no survey is due on a page where none is', async () => {
    const v = await visit('/debug')
    expect(await v.logged(/page is/)).toBe(
      'info: touchpoint: page is other (stage awareness, decided by no signal); no survey is due: the survey plan has none for other or awareness',
    )
    // An SPA navigation is a new page view, and says so too.
    await v.tab.evaluate(() => history.pushState(null, '', '/cart'))
    expect(await v.logged(/page is cart/)).toMatch(
      /page is cart \(stage decision, decided by url:path\); survey emotion is due on exit$/,
    )
  })
})
