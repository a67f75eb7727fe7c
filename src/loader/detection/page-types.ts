import type { Touchpoint } from '../../shared/types.js'

/**
 * Every touchpoint of the vocabulary (shared/vocabulary.ts) by rank, most specific first, plus
 * `page` (a generic CMS page: `content` unless a weaker signal is more precise, e.g.
 * `/pages/contact`). A thank-you page still carries checkout markers and a product page lists
 * related products, so when one source reports several kinds of page the lowest rank wins.
 * A new touchpoint takes its place here and in RANK; the compiler and
 * tests/loader/detection/page-types.test.ts point at every table that must name it.
 */
export const BY_RANK = [
  'confirmation',
  'checkout',
  'cart',
  'account',
  'search',
  'product',
  'listing',
  'support',
  'content',
  'page',
  'home',
  'other',
] as const satisfies readonly (Touchpoint | 'page')[]

/** What a signal can name: a touchpoint, or `page`. */
export type RankName = Touchpoint | 'page'

/**
 * The rank of each name in BY_RANK (a test holds the two together). A const enum, so that the
 * build writes `RANK.product` as a plain number. Signals speak in ranks; comparing ranks is
 * comparing specificity.
 */
export const enum RANK {
  confirmation,
  checkout,
  cart,
  account,
  search,
  product,
  listing,
  support,
  content,
  page,
  home,
  other,
}

// Compiles only while every name a signal can give has a rank and a place in BY_RANK: a
// touchpoint added to the vocabulary fails here until the detection rules place it.
type NoneMissing<Missing extends never> = Missing
export type EveryNameRanked = NoneMissing<
  Exclude<RankName, keyof typeof RANK> | Exclude<RankName, (typeof BY_RANK)[number]>
>

/** The rank of "no opinion": above every real rank, so that `Math.min` and `<` just work. */
export const NONE = 99

/** What a signal concluded: a rank (see RANK) and the signal's name. */
export type Hit = [rank: number, signal: string]

/** Patterns keyed by rank (`{ [RANK.cart]: /…/ }`); a rank absent means the signal never says it. */
export type Rules = { [rank: number]: RegExp }

/** The rank of the first (most specific) pattern of `rules` that matches `text`, else NONE. */
export const rankIn = (rules: Rules, text: string) => {
  for (let rank = 0; rank < BY_RANK.length; rank++) if (rules[rank] && rules[rank].test(text)) return rank
  return NONE
}

/** The rank of a touchpoint or `page` given by name, else -1. */
export const rankOf = (name: string) => BY_RANK.indexOf(name as RankName)

/** The touchpoint a rank stands for: a generic `page` is `content`. */
export const touchpointOf = (rank: number): Touchpoint => BY_RANK[rank == RANK.page ? RANK.content : rank] as Touchpoint

// One vocabulary of page names as platforms print them in globals, body ids and classes and
// query parameters, matched whole after normalising (see pageTypeOf). Sources, by platform:
// Shopify `pageType` / theme `template`; Sapo `Bizweb.template`; BigCommerce `page_type`;
// PrestaShop controller names (body id, `page-<name>`, `prestashop.page.page_name`,
// `?controller=`); OpenCart `route=`; Shopware 5/6 controller-action (`navigation-home`,
// `checkout-finishpage`); nopCommerce `html-<name>-page`; Zen Cart `main_page=` / body id;
// Miva screen codes (SFNT, CTGY, PROD, BASK, OCST, OSEL, OPAY, INVC, SRCH, ACLN, ORHL, CTUS …);
// Joomla VirtueMart / HikaShop views; X-Cart `target=`; Odoo models (`product.template`);
// OpenCart 3/4 container ids (`product-product`, `common-success`).
const PAGE_NAMES: Rules = {
  [RANK.confirmation]:
    /^(order-?(confirm(ation|ed)?|received|success|complete[d]?|status)|thank-?you|checkout-?(onepage-)?(success|finish(page)?|after-end|end)|success|purchase|invc|confirmation|(cart-)?orderdone|pluginresponse[a-z-]*)$/,
  [RANK.checkout]: /^((one-?(page|step)-?)?checkout(?!-?cart)[a-z-]*|order(-opc)?|ocst|osel|opay|payment)$/,
  [RANK.cart]: /^(((checkout|shopping)-?)?(cart|basket|bask)(page|-show[a-z-]*)?)$/,
  [RANK.account]:
    /^((my-?)?account(order|profile|payment|address)?(-[a-z-]*)?|customers?(-(?!service)[a-z-]*)?|auth(-[a-z-]*)?|history|order-?(detail|slip|history|list(ing)?)|orders(-[a-z-]+)?|identity|address(es|book)?|authentication|log-?in(page)?|register|registration|create-?account|forgot-?password|wishlists?|note|user(-[a-z-]+)?|acln|acad|aced|orhl|ordh|ords|my|sales-order[a-z-]*)$/,
  [RANK.search]: /^((advanced-?)?search(-?results?|-\w+)?|product-search|catalogsearch[a-z-]*|srch|finder)$/,
  [RANK.product]:
    /^(product(?!s|-?(categor|list|compare|manufacturer|tag|search|public|special))[a-z-]*|productdetails|prod|detail)$/,
  [RANK.listing]:
    /^(collections?[a-z-]*|list-collections|categor(y|ies)[a-z-]*|product-?(categor|list|manufacturer|tag|public|special)[a-z-]*|listing|navigation|ctgy|plst|shop|catalog[a-z-]*|brands?|manufacturers?|suppliers?|prices-drop|new-products|best-sales|products|virtuemart)$/,
  [RANK.support]:
    /^((customer-?)?service|contact(-?(us|form|s))?[a-z-]*|ctus|faqs?|forms|help|support|returns?|refunds?|exchanges?|warranty|sarp|order-?follow|guest-?tracking|(order-?)?track(ing)?(-order)?|lien-he|ho-tro)$/,
  [RANK.content]:
    /^(blog[a-z-]*|article[a-z-]*|news[a-z-]*|post|about(-?us)?|abus|privacy[a-z-]*|prpo|terms[a-z-]*|conditions|shipping-?info|sitemap)$/,
  [RANK.page]: /^(page|cms|topic|information|custom|landing[a-z-]*|static|website|polic(y|ies))$/,
  [RANK.home]: /^(index|home|homepage|default|front(-?page)?|sfnt|navigation-home)$/,
  [RANK.other]: /^(40\d|pagenotfound|no-route|not-?found|gift[a-z-]*|password|captcha)$/,
}

/**
 * A page name as one lower-case dashed word, without the wrappers platforms add around it:
 * `frontend.checkout.finish.page` → `checkout-finish`, `html-product-details-page` →
 * `product-details`, `page-template-contact-php` → `contact`, Zen Cart `productinfoBody` →
 * `productinfo`, OpenCart `information/contact` → `contact`.
 */
export const pageName = (name: string) =>
  name
    .replace(/Body$/, '')
    .toLowerCase()
    .replace(/[\s._/|:]+/g, '-')
    .replace(/^((pages?|templates?|html|frontend|common|information|module)-)+(?=.)/, '')
    .replace(/(-(page|php|index|default|show|view))+$/, '')

/**
 * The rank of the touchpoint a platform's page-type name stands for.
 *
 * @example
 * BY_RANK[pageTypeOf('customers/order')] // → 'account'
 * BY_RANK[pageTypeOf('orderconfirmation')] // → 'confirmation' (BigCommerce)
 * BY_RANK[pageTypeOf('route=product/category')] // no: pass the value, 'product/category' → 'listing'
 */
export const pageTypeOf = (name: unknown) =>
  typeof name == 'string' && name ? rankIn(PAGE_NAMES, pageName(name)) : NONE

/**
 * The most specific rank among several page names a page prints (body id, classes …); a
 * generic `page` only when no other name speaks, since a CMS page may carry a precise template.
 *
 * @example
 * BY_RANK[bestName(['page', 'contact'])] // → 'support'
 */
export const bestName = (names: unknown[]) => {
  let best = NONE
  for (const name of names) {
    const rank = pageTypeOf(name)
    if (rank < NONE && (best == NONE || best == RANK.page || (rank < best && rank != RANK.page))) best = rank
  }
  return best
}
