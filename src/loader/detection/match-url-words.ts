import type { UrlWords } from '../../shared/contract.js'
import { NONE, RANK, rankIn, rankOf, type Hit, type Rules } from './page-types.js'
import { routeOf, type Place } from './page-key.js'
import { SEARCH_QUERY } from './match-url-shape.js'

// Keyed by rank (see RANK). Path words in English and Vietnamese, as whole segments; support and
// content words may also be part of a segment (`contact-us`, `chinh-sach-doi-tra`,
// `privacy-policy`), the others not: `leather-bag` is a product, not a cart. Policy pages follow
// the Words taxonomy: returns, refunds, exchanges, warranty, tracking, help, FAQ and contact are
// support; shipping, privacy, terms and about pages are content. Other languages' words are in
// src/shared/url-words.ts: only stores in those languages need them (see LANGUAGES).
const WORDS: Rules = {
  [RANK.confirmation]:
    /\/(thank-?you[^/]*|order-(received|confirmation|success|complete[d]?)|success|dat-hang-thanh-cong|cam-on)\//,
  [RANK.checkout]: /\/(checkouts?|thanh-toan|dat-hang|payment|onepagecheckout)\//,
  [RANK.cart]: /\/(cart|gio-hang|basket|bag|shopping-(cart|bag))(-page)?\//,
  [RANK.account]:
    /\/(account|my-account|tai-khoan|customer|wishlist|login|register|orders?|don-hang|sign-?in|dang-nhap|dang-ky)\//,
  [RANK.search]: RegExp('/(search|tim-kiem)/|' + SEARCH_QUERY.source),
  [RANK.product]: /\/(products?|item|p|san-pham|product-page)\/[^/?]|[a-z]-p\d{3,}\/$/,
  [RANK.listing]:
    /\/(category|categories|collections?|shop|store|danh-muc[^/]*|cua-hang|san-pham|products|c)\/|[a-z]-c\d{2,}\/$/,
  [RANK.support]:
    /[/-](contact|contactus|help|support|faqs?|returns?|refunds?|exchanges?|warranty|tracking|lien-he|ho-tro|doi-tra|bao-hanh)[/-]/,
  [RANK.content]:
    /\/(blogs?|tin-tuc|bai-viet|news|articles?|posts?|journal)\/|[/-](about|privacy|terms|shipping|delivery|legal|imprint|gioi-thieu|bao-mat|van-chuyen|dieu-khoan)[/-]/,
}

/** The primary language tags whose URL words src/shared/url-words.ts holds. */
const LANGUAGES = /^(de|fr|es|it|nl|pl|pt)\b/i

/**
 * Whether the page's language (`<html lang>`) is one whose URL words the loader does not carry:
 * then the CDN loader fetches them (the words chunk) and adds them with addUrlWords.
 */
export const needsWords = (w: Window) => LANGUAGES.test(w.document.documentElement.lang)

// Per window, the words addUrlWords added, keyed by rank like WORDS: they belong to the page.
const added = new WeakMap<Window, Rules>()

/** Makes matchUrlWords read `words` too on this page (the words chunk's, src/shared/url-words.ts). */
export function addUrlWords(w: Window, words: UrlWords) {
  const rules: Rules = {}
  for (const name in words) rules[rankOf(name)] = words[name as keyof UrlWords]!
  added.set(w, rules)
}

/**
 * The last resort: words in the URL (`/gio-hang`, `/help/returns`, `?q=`, and `/warenkorb` once
 * addUrlWords added German), most specific first. `at` is another URL to read (the canonical one).
 *
 * @example
 * // https://shop.example/trang/lien-he
 * matchUrlWords(window) // → [7, 'url'] (support)
 */
export function matchUrlWords(w: Window, at: Place = w.location): Hit | undefined {
  // Slashes and dashes in the query are neutralised so that only the path speaks, bar `?q=`.
  const text =
    routeOf(at)
      .replace(/_/g, '-')
      .replace(/\.(html?|php|aspx?)\//g, '/') + at.search.replace(/[/-]/g, '.')
  // The most specific rank any table finds: the same as one table with each rank's words joined.
  const rank = Math.min(rankIn(WORDS, text), rankIn(added.get(w) || {}, text))
  if (rank < NONE) return [rank, 'url']
}
