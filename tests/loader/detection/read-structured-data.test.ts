// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { readStructuredData } from '../../../src/loader/detection/read-structured-data'
import { ld, named, openBlank } from '../../fixtures/blank-page'

describe('structured data', () => {
  it('ignores what every page carries: Organization, WebSite, BreadcrumbList', async () => {
    const w = await openBlank(
      '/x',
      ld({ '@type': 'Organization', name: 'A' }) +
        ld({
          '@context': 'https://schema.org',
          '@graph': [{ '@type': 'WebSite' }, { '@type': 'BreadcrumbList' }, { '@type': 'WebPage' }],
        }),
    )
    expect(named(readStructuredData(w))).toBeUndefined()
  })

  it("reads a category page's ItemList of products as a listing, not a product", async () => {
    const items = [1, 2].map((i) => ({
      '@type': 'ListItem',
      position: i,
      item: { '@type': 'Product', name: 'P' + i, offers: { price: 1 } },
    }))
    expect(
      named(readStructuredData(await openBlank('/x', ld({ '@type': 'ItemList', itemListElement: items })))),
    ).toEqual(['listing', 'json-ld'])
  })

  it('reads one Product with offers as a product page; several Products as a listing', async () => {
    const product = { '@type': 'Product', name: 'A', offers: { price: 1 } }
    expect(named(readStructuredData(await openBlank('/x', ld(product))))?.[0]).toBe('product')
    expect(
      named(
        readStructuredData(
          await openBlank(
            '/x',
            ld({
              '@graph': [
                { '@type': 'Product', name: 'A' },
                { '@type': 'Product', name: 'B' },
              ],
            }),
          ),
        ),
      )?.[0],
    ).toBe('listing')
    expect(
      named(readStructuredData(await openBlank('/x', ld({ '@type': ['ProductGroup'], hasVariant: [product] }))))?.[0],
    ).toBe('product')
  })

  it('falls back to Open Graph and to a single microdata Product', async () => {
    expect(named(readStructuredData(await openBlank('/x', '<meta property="og:type" content="product">')))).toEqual([
      'product',
      'og:type',
    ])
    expect(named(readStructuredData(await openBlank('/x', '<meta property="og:type" content="article">')))?.[0]).toBe(
      'page',
    )
    expect(
      named(
        readStructuredData(
          await openBlank('/x', '', '', '<div itemscope itemtype="https://schema.org/Product"></div>'),
        ),
      ),
    ).toEqual(['product', 'microdata'])
  })

  it('reads listings and products in microdata and RDFa as in JSON-LD', async () => {
    const card = '<div itemscope itemtype="http://schema.org/Product"><span itemprop="name">A</span></div>'
    expect(named(readStructuredData(await openBlank('/x', '', '', card + card)))).toEqual(['listing', 'microdata'])
    expect(
      named(
        readStructuredData(await openBlank('/x', '', '', '<ul itemscope itemtype="https://schema.org/ItemList"></ul>')),
      )?.[0],
    ).toBe('listing')
    expect(
      named(
        readStructuredData(
          await openBlank('/x', '', '', '<div itemscope itemtype="https://schema.org/OfferCatalog"></div>'),
        ),
      )?.[0],
    ).toBe('listing')
    expect(
      named(
        readStructuredData(await openBlank('/x', '', '', '<div vocab="https://schema.org/" typeof="Product"></div>')),
      ),
    ).toEqual(['product', 'microdata'])
    expect(
      named(
        readStructuredData(
          await openBlank('/x', '', '', '<div typeof="schema:Product"></div><div typeof="schema:Product"></div>'),
        ),
      )?.[0],
    ).toBe('listing')
  })

  it('does not count a BreadcrumbList, WebPage or Offer in microdata', async () => {
    const noise =
      '<ol itemscope itemtype="https://schema.org/BreadcrumbList"></ol><div itemscope itemtype="https://schema.org/WebPage"><div itemtype="https://schema.org/Offer"></div></div>'
    expect(named(readStructuredData(await openBlank('/x', '', '', noise)))).toBeUndefined()
  })
})
