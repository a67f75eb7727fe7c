import { NONE, rankIn, type Hit, type Rules } from './page-types.js'

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
 * Ranks page-level JSON-LD types: one Product / ProductGroup with offers or variants is a
 * product page, several are a listing; other types rank by TYPES.
 */
function rankTypes(types: any[]) {
  let products = 0
  let sold: unknown
  let best = NONE
  for (const [type, item] of types)
    if (/^Product(Group)?$/.test(type)) {
      products++
      sold = sold || item.offers || item.hasVariant
    } else best = Math.min(best, rankIn(TYPES, type))
  return Math.min(best, products > 1 ? 6 : products && sold ? 5 : NONE)
}

/**
 * Structured data, in every form a store prints it: JSON-LD top-level nodes (and `@graph`
 * members, never nested ones such as an ItemList's products), then Open Graph `og:type =
 * product`, then microdata (`itemtype`) and RDFa (`typeof`), then `og:type = article`. One
 * Product is a product page; several (WooCommerce prints one per product on its shop pages;
 * PrestaShop and Magento 1 themes mark each product card), an `ItemList` or an `OfferCatalog`
 * are a listing. BreadcrumbList, WebSite, Organization and WebPage say nothing.
 *
 * @example
 * // <script type="application/ld+json">{"@type":"Product","offers":{…}}</script>
 * readStructuredData(window) // → [5, 'json-ld'] (product)
 */
export function readStructuredData(w: Window): Hit | undefined {
  const doc = w.document
  const types: any[] = []
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
        for (const type of list(item && item['@type'])) types.push([type, item])
  }
  const best = rankTypes(types)
  if (best < NONE) return [best, 'json-ld']
  const og = doc.querySelector('meta[property="og:type"]')
  const type = og && og.getAttribute('content')
  if (/product/.test(type!)) return [5, 'og:type']
  // Microdata `itemtype="https://schema.org/Product"`, RDFa `typeof="Product"` / `schema:Product`:
  // one pass of the browser's selector engine, not a JavaScript walk over every item.
  let products = 0
  let lists = 0
  // Each itemtype test costs a string compare per item of a listing: three, `*=` covering
  // ProductGroup; RDFa `typeof` tests are cheap where a page has none.
  const selector = 'Product ItemList OfferCatalog'.replace(
    /\w+/g,
    '[itemtype*="/$&"],[typeof~="$&"],[typeof~="schema:$&"]',
  )
  for (const element of doc.querySelectorAll(selector.replace(/ /g, ',')))
    if (/Product/.test(element.getAttribute('itemtype') || element.getAttribute('typeof')!)) products++
    else lists++
  if (products > 1 || (!products && lists)) return [6, 'microdata']
  if (products) return [5, 'microdata']
  if (type == 'article') return [9, 'og:type']
}
