import { NONE, rankIn, type Hit, type Rules } from './page-types'
import { routeOf } from './page-key'
import { SEARCH_QUERY } from './match-url-shape'

// Indexed by rank (see RANK). English and Vietnamese words as whole path segments; support
// words may also be part of a segment (`contact-us`, `chinh-sach-doi-tra`), the others not:
// `leather-bag` is a product, not a cart.
const WORDS: Rules = [
  /\/(thank-?you[^/]*|order-(received|confirmation|success|complete)|success|dat-hang-thanh-cong|cam-on)\//,
  /\/(checkouts?|thanh-toan|dat-hang|payment)\//,
  /\/(cart|gio-hang|basket|bag|shopping-(cart|bag))\//,
  /\/(account|my-account|tai-khoan|customer|wishlist|login|register|orders?|don-hang|sign-?in|dang-nhap|dang-ky)\//,
  RegExp('/(search|tim-kiem)/|' + SEARCH_QUERY.source),
  /\/(products?|item|p|san-pham)\/[^/?]/,
  /\/(category|categories|collections?|shop|store|danh-muc[^/]*|cua-hang|san-pham|products)\//,
  /[/-](contact|help|support|faqs?|returns?|refunds?|warranty|polic(y|ies)|lien-he|ho-tro|doi-tra|bao-hanh|chinh-sach)[/-]/,
  /\/(blogs?|tin-tuc|bai-viet|news|articles?|posts?|journal)\//,
]

/**
 * The last resort: English and Vietnamese words in the URL (`/gio-hang`, `/help/returns`,
 * `?q=`), most specific first.
 *
 * @example
 * // https://shop.example/trang/lien-he
 * matchUrlWords(window) // → [7, 'url'] (support)
 */
export function matchUrlWords(w: Window): Hit | undefined {
  // Slashes and dashes in the query are neutralised so that only the path speaks, bar `?q=`.
  const rank = rankIn(WORDS, routeOf(w).replace(/_/g, '-').replace(/\.(html?|php|aspx?)\//g, '/') + w.location.search.replace(/[/-]/g, '.'))
  if (rank < NONE) return [rank, 'url']
}
