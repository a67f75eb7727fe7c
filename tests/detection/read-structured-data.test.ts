// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { readStructuredData } from '../../src/detection/read-structured-data'
import { ld, named, openBlank } from '../fixtures/blank-page'

describe('structured data', () => {
  it('ignores what every page carries: Organization, WebSite, BreadcrumbList', async () => {
    const w = await openBlank('/x', ld({ '@type': 'Organization', name: 'A' }) + ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite' }, { '@type': 'BreadcrumbList' }, { '@type': 'WebPage' }] }))
    expect(named(readStructuredData(w))).toBeUndefined()
  })

  it('reads a category page\'s ItemList of products as a listing, not a product', async () => {
    const items = [1, 2].map((i) => ({ '@type': 'ListItem', position: i, item: { '@type': 'Product', name: 'P' + i, offers: { price: 1 } } }))
    expect(named(readStructuredData(await openBlank('/x', ld({ '@type': 'ItemList', itemListElement: items }))))).toEqual(['listing', 'json-ld'])
  })

  it('reads one Product with offers as a product page; several Products as a listing', async () => {
    const product = { '@type': 'Product', name: 'A', offers: { price: 1 } }
    expect(named(readStructuredData(await openBlank('/x', ld(product))))?.[0]).toBe('product')
    expect(named(readStructuredData(await openBlank('/x', ld({ '@graph': [{ '@type': 'Product', name: 'A' }, { '@type': 'Product', name: 'B' }] }))))?.[0]).toBe('listing')
    expect(named(readStructuredData(await openBlank('/x', ld({ '@type': ['ProductGroup'], hasVariant: [product] }))))?.[0]).toBe('product')
  })

  it('falls back to Open Graph and to a single microdata Product', async () => {
    expect(named(readStructuredData(await openBlank('/x', '<meta property="og:type" content="product">')))).toEqual(['product', 'og:type'])
    expect(named(readStructuredData(await openBlank('/x', '<meta property="og:type" content="article">')))?.[0]).toBe('page')
    expect(named(readStructuredData(await openBlank('/x', '', '', '<div itemscope itemtype="https://schema.org/Product"></div>')))).toEqual(['product', 'microdata'])
    expect(named(readStructuredData(await openBlank('/x', '', '', '<div itemtype="http://schema.org/Product"></div><div itemtype="http://schema.org/Product"></div>')))).toBeUndefined()
  })
})
