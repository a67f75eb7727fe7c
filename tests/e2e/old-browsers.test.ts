// The README's oldest browsers (Chrome 80, Firefox 78, Safari 13.1) lack APIs that today's
// dependencies reach for. Chromium plays one: the newer APIs are deleted before the store's page
// loads the tag, and a survey answer must still reach the collector. (Syntax cannot be taken away
// from a browser: tests/build/es2019.test.ts parses every shipped file as ES2019 instead.)
import { describe, expect, it } from 'vitest'
import { page, recordEvents, tag, useHarness } from './harness'

// What Safari 13.1 / Chrome 80 do not have, and our files or their dependencies could call.
const MISSING = [
  'Object.hasOwn',
  'Object.groupBy',
  'Array.prototype.at',
  'String.prototype.at',
  'String.prototype.replaceAll',
  'Array.prototype.findLast',
  'Array.prototype.findLastIndex',
  'AbortSignal.any',
  'AbortSignal.timeout',
  'Promise.any',
  'Promise.withResolvers',
  'Crypto.prototype.randomUUID',
  'window.structuredClone',
]
const OLD_BROWSER = `<script>${MISSING.map((path) => `delete ${path};`).join('')}window.missing=${JSON.stringify(MISSING)}.filter(function(p){return eval('typeof ' + p) != 'undefined'})</script>`

const harness = useHarness({
  '/': page({ head: OLD_BROWSER, tag: tag({ 'data-surveys': '', 'data-flush-ms': '100' }) }),
})

describe('a browser without the APIs newer than the README matrix', () => {
  it('shows a survey and delivers its answer to the collector', async () => {
    const { tab } = await harness.visit('/') // a page error fails the test after it
    // The deletions took: the page really lacks them when the tag runs.
    expect(await tab.evaluate(() => (window as any).missing)).toEqual([])
    const events = await recordEvents(tab)
    expect(await tab.evaluate(() => (window as any).touchpoint.show('csat'))).toBe(true)
    await tab.getByRole('radio', { name: '4', exact: true }).check()
    await tab.getByRole('textbox').fill('fine on an old phone')
    await tab.getByRole('button', { name: 'Send' }).click()
    const [answer] = await events.hear('answer')
    const sent = await harness.shop.delivered(answer.id)
    expect([sent.score, sent.comment]).toEqual([4, 'fine on an old phone'])
    // The page heard it acknowledged, and no error on the way.
    await events.hear('sent')
    const delivery = (await events.heard()).filter(([name]) => name == 'sent' || name == 'error')
    expect(delivery.map(([name, event]) => [name, event.ids])).toEqual([['sent', [answer.id]]])
    expect(await harness.shop.collector.store.get(answer.id)).toMatchObject({
      score: 4,
      comment: 'fine on an old phone',
    })
  })
})
