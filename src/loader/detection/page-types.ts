/**
 * Touchpoints by rank, most specific first, plus `page` (a generic CMS page: `content` unless a
 * weaker signal is more precise, e.g. `/pages/contact`). A thank-you page still carries checkout
 * markers and a product page lists related products, so when one source reports several kinds
 * of page the lowest rank wins. Signals speak in ranks: the rule tables below are arrays
 * indexed by rank, which keeps them short in the loader.
 */
export const RANK = [
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
]

export const PAGE = 9

/** The rank of "no opinion": above every real rank, so that `Math.min` and `<` just work. */
export const NONE = 99

/** What a signal concluded: a rank in RANK and the signal's name. */
export type Hit = [rank: number, signal: string]

/** Patterns indexed by rank; a hole means the signal never says that touchpoint. */
export type Rules = (RegExp | undefined)[]

/** The rank of the first (most specific) pattern of `rules` that matches `text`, else NONE. */
export const rankIn = (rules: Rules, text: string) => {
  let rank = 0
  while (rank < rules.length && !(rules[rank] && rules[rank]!.test(text))) rank++
  return rank < rules.length ? rank : NONE
}

// One vocabulary of page names as platforms print them in globals, body ids and classes and
// query parameters, matched whole after normalising (see pageTypeOf). Sources, by platform:
// Shopify `pageType` / theme `template`; Sapo `Bizweb.template`; BigCommerce `page_type`;
// PrestaShop controller names (body id, `page-<name>`, `prestashop.page.page_name`,
// `?controller=`); OpenCart `route=`; Shopware 5/6 controller-action (`navigation-home`,
// `checkout-finishpage`); nopCommerce `html-<name>-page`; Zen Cart `main_page=` / body id;
// Miva screen codes (SFNT, CTGY, PROD, BASK, OCST, OSEL, OPAY, INVC, SRCH, ACLN, ORHL, CTUS …);
// Joomla VirtueMart / HikaShop views; X-Cart `target=`; Odoo models (`product.template`);
// OpenCart 3/4 container ids (`product-product`, `common-success`).
const PAGE_NAMES: Rules = [
  /^(order-?(confirm(ation|ed)?|received|success|complete[d]?|status)|thank-?you|checkout-?(onepage-)?(success|finish(page)?|after-end|end)|success|purchase|invc|confirmation|(cart-)?orderdone|pluginresponse[a-z-]*)$/,
  /^((one-?(page|step)-?)?checkout(?!-?cart)[a-z-]*|order(-opc)?|ocst|osel|opay|payment)$/,
  /^(((checkout|shopping)-?)?(cart|basket|bask)(page|-show[a-z-]*)?)$/,
  /^((my-?)?account(order|profile|payment|address)?(-[a-z-]*)?|customers?(-(?!service)[a-z-]*)?|auth(-[a-z-]*)?|history|order-?(detail|slip|history|list(ing)?)|orders(-[a-z-]+)?|identity|address(es|book)?|authentication|log-?in(page)?|register|registration|create-?account|forgot-?password|wishlists?|note|user(-[a-z-]+)?|acln|acad|aced|orhl|ordh|ords|my|sales-order[a-z-]*)$/,
  /^((advanced-?)?search(-?results?|-\w+)?|product-search|catalogsearch[a-z-]*|srch|finder)$/,
  /^(product(?!s|-?(categor|list|compare|manufacturer|tag|search|public|special))[a-z-]*|productdetails|prod|detail)$/,
  /^(collections?[a-z-]*|list-collections|categor(y|ies)[a-z-]*|product-?(categor|list|manufacturer|tag|public|special)[a-z-]*|listing|navigation|ctgy|plst|shop|catalog[a-z-]*|brands?|manufacturers?|suppliers?|prices-drop|new-products|best-sales|products|virtuemart)$/,
  /^((customer-?)?service|contact(-?(us|form|s))?[a-z-]*|ctus|faqs?|forms|help|support|returns?|refunds?|exchanges?|warranty|sarp|order-?follow|guest-?tracking|(order-?)?track(ing)?(-order)?|lien-he|ho-tro)$/,
  /^(blog[a-z-]*|article[a-z-]*|news[a-z-]*|post|about(-?us)?|abus|privacy[a-z-]*|prpo|terms[a-z-]*|conditions|shipping-?info|sitemap)$/,
  /^(page|cms|topic|information|custom|landing[a-z-]*|static|website|polic(y|ies))$/,
  /^(index|home|homepage|default|front(-?page)?|sfnt|navigation-home)$/,
  /^(40\d|pagenotfound|no-route|not-?found|gift[a-z-]*|password|captcha)$/,
]

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
 * RANK[pageTypeOf('customers/order')] // → 'account'
 * RANK[pageTypeOf('orderconfirmation')] // → 'confirmation' (BigCommerce)
 * RANK[pageTypeOf('route=product/category')] // no: pass the value, 'product/category' → 'listing'
 */
export const pageTypeOf = (name: unknown) =>
  typeof name == 'string' && name ? rankIn(PAGE_NAMES, pageName(name)) : NONE

/**
 * The most specific rank among several page names a page prints (body id, classes …); a
 * generic `page` only when no other name speaks, since a CMS page may carry a precise template.
 *
 * @example
 * RANK[bestName(['page', 'contact'])] // → 'support'
 */
export const bestName = (names: unknown[]) => {
  let best = NONE
  for (const name of names) {
    const rank = pageTypeOf(name)
    if (rank < NONE && (best == NONE || best == PAGE || (rank < best && rank != PAGE))) best = rank
  }
  return best
}
