// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { Window } from 'happy-dom'
import { detectStage } from '../../src/detection'
import { DEFAULT_STAGE_MAP } from '../../src/detection/stage-map'
import { CORPUS, openPage, pageHtml } from '../fixtures/load-page'

let window: Window | undefined
afterEach(async () => {
  await window?.happyDOM.close()
  window = undefined
})

describe('the page corpus', () => {
  it('holds at least 40 pages across every platform', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40)
    const platforms = new Set(CORPUS.map((page) => page.file.split('/')[0]))
    for (const platform of ['shopify', 'woocommerce', 'woocommerce-vi', 'magento', 'bigcommerce', 'haravan', 'sapo', 'hand-made'])
      expect(platforms).toContain(platform)
  })

  it.each(CORPUS)('reads $file at $url as $touchpoint', async (page) => {
    window = await openPage(pageHtml(page.file), page.url)
    const detection = detectStage(window as unknown as globalThis.Window)
    expect(detection.touchpoint, `${page.note || ''} decided by ${detection.signal}`).toBe(page.touchpoint)
    expect(detection.stage).toBe(DEFAULT_STAGE_MAP[page.touchpoint])
  })
})
