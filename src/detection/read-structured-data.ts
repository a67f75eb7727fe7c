import { NONE, rankIn, type Hit, type Rules } from './page-types'

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON-LD is whatever the page printed */

// Indexed by rank (see RANK): page-level schema.org types. Organization, WebSite,
// BreadcrumbList … are on every page and say nothing; an article is only `page`, so that
// `/lien-he` under a WordPress SEO plugin's article markup can still be read as support.
const TYPES: Rules = [
  /^Order$/,
  /^CheckoutPage$/,
  ,
  ,
  /^SearchResultsPage$/,
  ,
  /^(ItemList|CollectionPage|OfferCatalog)$/,
  /^(ContactPage|FAQPage)$/,
  ,
  /^(Article|BlogPosting|NewsArticle|Blog)$/,
]

const list = (value: any): any[] => [].concat(value || [])

// Parsed JSON-LD per script element: product pages carry tens of kB of it (reviews, variants)
// and detect() runs on every navigation. Single-page stores replace the element, not its text.
const parsed = new WeakMap<Element, unknown>()

/**
 * Structured data: JSON-LD top-level nodes (and `@graph` members, never nested ones such as an
 * ItemList's products), then Open Graph `og:type`, then a single schema.org Product in
 * microdata. Exactly one Product / ProductGroup with offers or variants is a product page;
 * several (WooCommerce prints one per product on its shop pages) are a listing.
 *
 * @example
 * // <script type="application/ld+json">{"@type":"Product","offers":{…}}</script>
 * readStructuredData(window) // → [5, 'json-ld'] (product)
 */
export function readStructuredData(w: Window): Hit | undefined {
  const doc = w.document
  let products = 0
  let offered: unknown
  let best = NONE
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let json = parsed.get(script)
    if (!parsed.has(script)) {
      try {
        json = JSON.parse(script.textContent!)
      } catch {
        /* broken markup is common; it says nothing */
      }
      parsed.set(script, json)
    }
    for (const node of list(json))
      for (const item of list(node && (node['@graph'] || node)))
        for (const type of list(item && item['@type']))
          if (/^Product(Group)?$/.test(type)) {
            products++
            offered = offered || item.offers || item.hasVariant
          } else best = Math.min(best, rankIn(TYPES, type))
  }
  if (products) best = Math.min(best, products > 1 ? 6 : offered ? 5 : NONE)
  if (best < NONE) return [best, 'json-ld']
  const og = doc.querySelector('meta[property="og:type"]')
  const type = og && og.getAttribute('content')
  if (/product/.test(type!)) return [5, 'og:type']
  if (type == 'article') return [9, 'og:type']
  if (doc.querySelectorAll('[itemtype$="schema.org/Product"]').length == 1) return [5, 'microdata']
}
