// WordPress + WooCommerce URL shapes, English at the root and Vietnamese under /vi/ (Polylang style).
import { CATEGORIES, POSTS, PRODUCTS } from './catalog.mjs'

const PATHS = {
  en: {
    home: '/',
    shop: '/shop/',
    category: (s) => `/product-category/${s}/`,
    product: (s) => `/product/${s}/`,
    cart: '/cart/',
    checkout: '/checkout/',
    received: (id, key) => `/checkout/order-received/${id}/?key=${key}`,
    account: '/my-account/',
    orders: '/my-account/orders/',
    contact: '/contact/',
    blog: '/blog/',
    post: (s) => `/blog/${s}/`,
    search: (q) => `/?s=${encodeURIComponent(q)}&post_type=product`,
  },
  vi: {
    home: '/vi/',
    shop: '/vi/cua-hang/',
    category: (s) => `/vi/danh-muc-san-pham/${s}/`,
    product: (s) => `/vi/san-pham/${s}/`,
    cart: '/vi/gio-hang/',
    checkout: '/vi/thanh-toan/',
    received: (id, key) => `/vi/thanh-toan/order-received/${id}/?key=${key}`,
    account: '/vi/tai-khoan/',
    orders: '/vi/tai-khoan/orders/',
    contact: '/vi/lien-he/',
    blog: '/vi/blog/',
    post: (s) => `/vi/blog/${s}/`,
    search: (q) => `/vi/?s=${encodeURIComponent(q)}&post_type=product`,
  },
}

/** URL builders for one language: `paths('vi').cart` → `/vi/gio-hang/`. */
export const paths = (lang) => PATHS[lang]

/**
 * Which page a URL asks for: `{ lang, page, item? }`, or null for a 404.
 * `item` is the product, category or post the URL names.
 */
export function resolve(url) {
  const vi = url.pathname === '/vi' || url.pathname.startsWith('/vi/')
  const lang = vi ? 'vi' : 'en'
  const path = (vi ? url.pathname.slice(3) : url.pathname).replace(/\/?$/, '/') || '/'
  const words = vi
    ? {
        shop: 'cua-hang',
        category: 'danh-muc-san-pham',
        product: 'san-pham',
        cart: 'gio-hang',
        checkout: 'thanh-toan',
        account: 'tai-khoan',
        contact: 'lien-he',
      }
    : {
        shop: 'shop',
        category: 'product-category',
        product: 'product',
        cart: 'cart',
        checkout: 'checkout',
        account: 'my-account',
        contact: 'contact',
      }
  const parts = path.split('/').filter(Boolean)
  const bySlug = (list, slug) => list.find((x) => x.slug[lang] === slug)

  if (parts.length === 0)
    return url.searchParams.has('s')
      ? { lang, page: 'search', query: url.searchParams.get('s') }
      : { lang, page: 'home' }
  const [first, second, third] = parts
  if (parts.length === 1) {
    const simple = {
      [words.shop]: 'shop',
      [words.cart]: 'cart',
      [words.checkout]: 'checkout',
      [words.account]: 'account',
      [words.contact]: 'contact',
      blog: 'blog',
    }
    return simple[first] ? { lang, page: simple[first] } : null
  }
  if (first === words.category && parts.length === 2) return found(lang, 'category', bySlug(CATEGORIES, second))
  if (first === words.product && parts.length === 2) return found(lang, 'product', bySlug(PRODUCTS, second))
  if (first === 'blog' && parts.length === 2) return found(lang, 'post', bySlug(POSTS, second))
  if (first === words.account && second === 'orders' && parts.length === 2) return { lang, page: 'orders' }
  if (first === words.checkout && second === 'order-received' && /^\d+$/.test(third ?? '') && parts.length === 3) {
    return { lang, page: 'received', order: Number(third), key: url.searchParams.get('key') }
  }
  return null
}

const found = (lang, page, item) => (item ? { lang, page, item } : null)

/** The same page in the other language, for the language switcher. */
export function alternate(route) {
  const other = route.lang === 'en' ? 'vi' : 'en'
  const p = PATHS[other]
  switch (route.page) {
    case 'category':
    case 'product':
    case 'post':
      return p[route.page](route.item.slug[other])
    case 'received':
      return p.checkout
    case 'search':
      return p.search(route.query ?? '')
    default:
      return typeof p[route.page] === 'string' ? p[route.page] : p.home
  }
}
