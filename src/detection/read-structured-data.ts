import type { Touchpoint } from '../types'
import { RANK, type Hit } from './page-types'

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON-LD is whatever the page printed */

// Page-level schema.org types. Organization, WebSite, BreadcrumbList … are on every page and
// say nothing; an Article is only `page` so that `/lien-he` with a WordPress SEO plugin's
// article markup can still be read as support from its URL.
const TYPES: Record<string, Touchpoint | 'page'> = {
  __proto__: null as never,
  Order: 'confirmation',
  CheckoutPage: 'checkout',
  SearchResultsPage: 'search',
  ItemList: 'listing',
  CollectionPage: 'listing',
  OfferCatalog: 'listing',
  ContactPage: 'support',
  FAQPage: 'support',
  Article: 'page',
  BlogPosting: 'page',
  NewsArticle: 'page',
  Blog: 'page',
}

// Parsed JSON-LD per script element (keyed with its text length), so repeated detect() calls on
// a heavy page parse each block once.
const parsed = new WeakMap<Element, [number, any]>()

const json = (script: Element) => {
  const text = script.textContent || ''
  let cached = parsed.get(script)
  if (!cached || cached[0] != text.length) {
    let value
    try {
      value = JSON.parse(text)
    } catch {
      /* broken markup is common; it says nothing */
    }
    parsed.set(script, (cached = [text.length, value]))
  }
  return cached[1]
}

/**
 * Structured data: JSON-LD top-level nodes (and `@graph` members, never nested ones such as an
 * ItemList's products), then Open Graph `og:type`, then a single schema.org Product in
 * microdata. Exactly one Product / ProductGroup with offers or variants is a product page;
 * several (WooCommerce prints one per product on its shop pages) are a listing.
 *
 * @example
 * // <script type="application/ld+json">{"@type":"Product","offers":{…}}</script>
 * readStructuredData(window) // → ['product', 'json-ld']
 */
export function readStructuredData(w: Window): Hit | undefined {
  const doc = w.document
  let products = 0
  let offered: unknown
  let best: Touchpoint | 'page' | undefined
  const consider = (touchpoint: Touchpoint | 'page' | undefined) => {
    if (touchpoint && (!best || RANK.indexOf(touchpoint) < RANK.indexOf(best))) best = touchpoint
  }
  doc.querySelectorAll('script[type="application/ld+json"]').forEach((script) => {
    for (const node of ([] as any[]).concat(json(script) || [])) {
      for (const item of ([] as any[]).concat((node && node['@graph']) || node)) {
        for (const type of ([] as any[]).concat((item && item['@type']) || [])) {
          if (/^Product(Group)?$/.test(type)) {
            products++
            offered = offered || item.offers || item.hasVariant
          }
          else consider(TYPES[type])
        }
      }
    }
  })
  if (products) consider(products > 1 ? 'listing' : offered ? 'product' : undefined)
  if (best) return [best, 'json-ld']
  const og = doc.querySelector('meta[property="og:type"]')
  const type = og && og.getAttribute('content')
  if (type && /product/.test(type)) return ['product', 'og:type']
  if (type == 'article') return ['page', 'og:type']
  if (doc.querySelectorAll('[itemtype$="schema.org/Product"]').length == 1) return ['product', 'microdata']
}
