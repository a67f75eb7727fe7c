// @vitest-environment happy-dom
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Window } from 'happy-dom'
import { detectStage } from '../../../src/loader/detection'
import { addUrlWords, needsWords } from '../../../src/loader/detection/match-url-words'
import { URL_WORDS } from '../../../src/shared/url-words'
import { DEFAULT_STAGE_MAP } from '../../../src/shared/vocabulary'
import { CORPUS, NEUTRAL_PATH, openPage, pageHtml, type CorpusPage } from '../../fixtures/load-page'

let window: Window | undefined
afterEach(async () => {
  await window?.happyDOM.close()
  window = undefined
})

const right = { url: 0, neutral: 0 }
const read = async (page: CorpusPage, url: string) => {
  window = await openPage(pageHtml(page.file), url)
  const w = window as unknown as globalThis.Window
  // As the CDN loader does: other languages' URL words only where <html lang> asks for them, so a
  // page whose words are in the words chunk but whose language does not fetch it fails here.
  if (needsWords(w)) addUrlWords(w, URL_WORDS)
  return detectStage(w)
}

describe('the page corpus', () => {
  it('holds at least 150 pages across at least 12 platforms, with non-English URLs and pages whose URL says nothing', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150)
    const platforms = new Set(CORPUS.map((page) => page.file.split('/')[0]))
    expect(platforms.size).toBeGreaterThanOrEqual(12)
    for (const platform of [
      'shopify',
      'woocommerce',
      'magento',
      'magento-1',
      'bigcommerce',
      'sapo',
      'prestashop',
      'opencart',
      'shopware',
      'joomla',
      'miva',
      'nopcommerce',
      'odoo',
    ])
      expect(platforms).toContain(platform)
    for (const lang of ['de', 'fr', 'es', 'it', 'nl', 'pl', 'pt', 'vi'])
      expect(
        CORPUS.some((page) => page.file.includes(lang + '-') || page.url.startsWith(`/${lang}/`)),
        lang,
      ).toBe(true)
  })

  it.each(CORPUS)('reads $file at $url as $touchpoint', async (page) => {
    const detection = await read(page, page.url)
    expect(detection.touchpoint, `${page.note || ''} decided by ${detection.signal}`).toBe(page.touchpoint)
    expect(detection.stage).toBe(DEFAULT_STAGE_MAP[page.touchpoint])
    right.url++
  })

  // Served where the URL says nothing, a page whose markup names its kind must read the same.
  it.each(CORPUS)(`reads $file at ${NEUTRAL_PATH} from its markup`, async (page) => {
    const detection = await read(page, NEUTRAL_PATH)
    if (detection.touchpoint == page.touchpoint) right.neutral++
    else if (page.markup !== false)
      expect.fail(`${page.file}: ${detection.touchpoint} (${detection.signal}), expected ${page.touchpoint}`)
  })

  afterAll(() => {
    const percent = (count: number) => ((100 * count) / CORPUS.length).toFixed(1) + ' %'
    console.log(
      `corpus: ${CORPUS.length} pages; right at their URLs ${right.url} (${percent(right.url)}), at ${NEUTRAL_PATH} ${right.neutral} (${percent(right.neutral)}); ${CORPUS.filter((page) => page.markup === false).length} pages carry no marker in their markup`,
    )
  })
})
