/**
 * Touchpoints by rank, most specific first, plus `page` (a generic CMS page: `content` unless a
 * weaker signal is more precise, e.g. `/pages/contact`). A thank-you page still carries checkout
 * markers and a product page lists related products, so when one source reports several kinds
 * of page the lowest rank wins. Signals speak in ranks: the rule tables below are arrays
 * indexed by rank, which keeps them short in the loader.
 */
export const RANK = ['confirmation', 'checkout', 'cart', 'account', 'search', 'product', 'listing', 'support', 'content', 'page', 'home', 'other']

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

// Page-type names as platforms spell them: Shopify `pageType` / theme `template`
// (`customers/order`, `list-collections`, `page.contact`), Sapo `Bizweb.template`,
// BigCommerce `page_type` (`default`, `orderconfirmation`, `account_orderstatus`), WordPress.
const PAGE_TYPES: Rules = [
  /^(order-?confirmation|thank-?you|order-(received|status)|checkout-success|purchase)/,
  /^checkout/,
  /^cart/,
  /^(account|customers?|wishlist|login|register|orders?|createaccount|forgot)/,
  /^(search|catalogsearch)/,
  /^product(?!s)/,
  /^(collection|category|brands?|list-collections|shop|catalog)/,
  /^(page-)?(contact|faq|help|support|returns?|polic)/,
  /^(blog|article|news|post)/,
  /^page/,
  /^(index|home|default|front)/,
  /^(40\d|gift|password|captcha)/,
]

/**
 * The rank of the touchpoint a platform's page-type name stands for.
 *
 * @example
 * RANK[pageTypeOf('customers/order')] // → 'account'
 * RANK[pageTypeOf('orderconfirmation')] // → 'confirmation' (BigCommerce)
 */
export const pageTypeOf = (name: unknown) =>
  typeof name == 'string' && name ? rankIn(PAGE_TYPES, name.toLowerCase().replace(/[\s._/]+/g, '-').replace(/^pages-/, '')) : NONE
