// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { matchUrlWords } from '../../../src/loader/detection/match-url-words'
import { named, openBlank } from '../../fixtures/blank-page'

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
