// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { addUrlWords, matchUrlWords, needsWords } from '../../../src/loader/detection/match-url-words'
import { URL_WORDS } from '../../../src/shared/url-words'
import { named, openBlank } from '../../fixtures/blank-page'
import { openPage } from '../../fixtures/load-page'

describe('URL words', () => {
  it.each([
    ['/order/complete/thank-you-for-your-order', 'confirmation'],
    ['/dat-hang-thanh-cong', 'confirmation'],
    ['/cam-on', 'confirmation'],
    ['/shop/basket', 'cart'],
    ['/gio-hang.html', 'cart'],
    ['/my-account', 'account'],
    ['/don-hang/12', 'account'],
    ['/tim-kiem?tu-khoa=x', 'search'],
    ['/anything?q=linen', 'search'],
    ['/p/12', 'product'],
    ['/item/glass-teapot', 'product'],
    ['/c/category/teapots', 'listing'],
    ['/products', 'listing'],
    ['/danh-muc/ao', 'listing'],
    ['/help/contact-us', 'support'],
    ['/chinh-sach-doi-tra', 'support'],
    ['/faq', 'support'],
    ['/tin-tuc/bai-moi', 'content'],
    ['/news', 'content'],
    ['/#/cart', 'cart'],
    ['/#!/p/3', 'product'],
  ])('reads %s as %s', async (url, touchpoint) => {
    expect(named(matchUrlWords(await openBlank(url)))?.[0]).toBe(touchpoint)
  })

  it.each(['/leather-bag', '/p', '/success-stories/2024', '/lookbook?return=/cart/', '/x?ref=help-desk-support-team'])(
    'finds nothing in %s',
    async (url) => {
      expect(named(matchUrlWords(await openBlank(url)))).toBeUndefined()
    },
  )
})

describe('URL words in the languages of the words chunk', () => {
  it.each([
    ['/de/warenkorb', 'cart'],
    ['/kasse/', 'checkout'],
    ['/bestellung-erhalten/1', 'confirmation'],
    ['/mon-compte', 'account'],
    ['/recherche', 'search'],
    ['/produkt/leinenhemd', 'product'],
    ['/categoria-producto/camisas', 'listing'],
    ['/klantenservice/retourneren', 'support'],
    ['/mentions-legales', 'content'],
  ])('reads %s as %s once the page has them, and not before', async (url, touchpoint) => {
    const page = await openBlank(url)
    expect(named(matchUrlWords(page))).toBeUndefined()
    addUrlWords(page, URL_WORDS)
    expect(named(matchUrlWords(page))?.[0]).toBe(touchpoint)
  })

  it('keeps the most specific page across tables: a German thank-you under an English checkout path', async () => {
    const page = await openBlank('/checkout/danke-fuer-ihre-bestellung')
    expect(named(matchUrlWords(page))?.[0]).toBe('checkout')
    addUrlWords(page, URL_WORDS)
    expect(named(matchUrlWords(page))?.[0]).toBe('confirmation')
  })

  it('adds them to that page only', async () => {
    const german = await openBlank('/warenkorb')
    const other = await openBlank('/warenkorb')
    addUrlWords(german, URL_WORDS)
    expect(named(matchUrlWords(other))).toBeUndefined()
  })

  it.each([
    ['de', true],
    ['de-DE', true],
    ['fr-FR', true],
    ['PT-br', true],
    ['pl', true],
    ['nl-NL', true],
    ['it', true],
    ['es-ES', true],
    ['en', false],
    ['en-US', false],
    ['vi', false],
    ['', false],
    ['dex', false],
    ['ja', false],
  ])('<html lang="%s"> asks for them: %s', async (lang, asks) => {
    const page = await openPage(`<!doctype html><html lang="${lang}"><body></body></html>`, '/')
    expect(needsWords(page as unknown as Window)).toBe(asks)
    await page.happyDOM.close()
  })
})
