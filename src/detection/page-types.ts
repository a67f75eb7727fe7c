import type { Touchpoint } from '../types'

/**
 * What a signal concluded: a touchpoint (or `page`, a generic CMS page that is `content` unless
 * a weaker signal knows better, e.g. `/pages/contact`) and the name of the signal.
 */
export type Hit = [touchpoint: Touchpoint | 'page', signal: string]

/** A rule table: the first row whose pattern matches wins, so rows run from most specific page down. */
export type Rules = [Touchpoint | 'page', RegExp][]

/**
 * Most specific first. A thank-you page still carries checkout markers and a product page lists
 * related products, so when one source reports several kinds of page, the earliest here wins.
 */
export const RANK = ['confirmation', 'checkout', 'cart', 'account', 'search', 'product', 'listing', 'support', 'content', 'page', 'home', 'other']

/** The first touchpoint of `rules` whose pattern matches `text`. */
export const firstMatch = (rules: Rules, text: string) => {
  for (const [touchpoint, pattern] of rules) if (pattern.test(text)) return touchpoint
}

// Page-type names as platforms spell them: Shopify `pageType` / theme `template`
// (`customers/order`, `list-collections`, `page.contact`), Sapo `Bizweb.template`,
// BigCommerce `page_type` (`default`, `orderconfirmation`, `account_orderstatus`), WordPress.
const PAGE_TYPES: Rules = [
  ['confirmation', /^(order-?confirmation|thank-?you|order-(received|status)|checkout-success|purchase)/],
  ['checkout', /^checkout/],
  ['cart', /^cart/],
  ['account', /^(customers?|account|login|register|orders?|wishlist|createaccount|forgot)/],
  ['search', /^(search|catalogsearch)/],
  ['product', /^product(?!s)/],
  ['listing', /^(collection|category|brands?|list-collections|shop|catalog)/],
  ['support', /^(page-)?(contact|faq|help|support|returns?|polic)/],
  ['content', /^(blog|article|news|post)/],
  ['home', /^(index|home|default|front)/],
  ['page', /^page/],
  ['other', /^(40\d|gift|password|captcha)/],
]

/**
 * The touchpoint a platform's page-type name stands for.
 *
 * @example
 * pageTypeOf('customers/order') // → 'account'
 * pageTypeOf('orderconfirmation') // → 'confirmation' (BigCommerce)
 */
export const pageTypeOf = (name: unknown) =>
  typeof name == 'string' && name ? firstMatch(PAGE_TYPES, name.toLowerCase().replace(/[\s._/]+/g, '-').replace(/^pages-/, '')) : undefined
