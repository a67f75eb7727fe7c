// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { NONE, RANK, pageTypeOf } from '../../src/detection/page-types'

describe('pageTypeOf', () => {
  it.each([
    ['home', 'home'], ['index', 'home'], ['collection', 'listing'], ['list-collections', 'listing'], ['product', 'product'],
    ['product.quick-view', 'product'], ['cart', 'cart'], ['searchresults', 'search'], ['search', 'search'], ['page', 'page'],
    ['blog', 'content'], ['article', 'content'], ['customers/login', 'account'], ['customers/account', 'account'],
    ['customers/order', 'account'], ['gift_card', 'other'], ['404', 'other'], ['policy', 'support'],
    ['category', 'listing'], ['brand', 'listing'], ['orderconfirmation', 'confirmation'], ['checkout', 'checkout'],
    ['blog_post', 'content'], ['page_contact_form', 'support'], ['pages/home', 'home'], ['page.lien-he', 'page'],
  ])('reads %s as %s', (name, touchpoint) => {
    expect(RANK[pageTypeOf(name)]).toBe(touchpoint)
  })

  it('reads nothing from a missing or odd value', () => {
    for (const value of [undefined, null, '', 'compare', 7, ['product']]) expect(pageTypeOf(value)).toBe(NONE)
  })
})
