// The demo store as a request handler: pretty WordPress URLs → Storefront pages, plus the
// theme stylesheet and product images under the paths a WordPress site would use.
import { readFileSync } from 'node:fs'
import { PRODUCTS } from './catalog.mjs'
import { layout } from './layout.mjs'
import { blog, contact, post } from './pages-content.mjs'
import { account, cart, checkout, orders, received } from './pages-order.mjs'
import { category, home, product, search, shop } from './pages-shop.mjs'
import { paths, resolve } from './routes.mjs'

const PAGES = { home, shop, category, product, search, cart, checkout, received, account, orders, contact, blog, post }
const STYLE = readFileSync(new URL('./style.css', import.meta.url), 'utf8')

// A stand-in photo: one image per product for every language, so it carries no words.
function productImage(slug) {
  const p = PRODUCTS.find((x) => x.slug.en === slug)
  if (!p) return null
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 324 324"><rect width="324" height="324" fill="${p.colour}"/><circle cx="162" cy="162" r="96" fill="#fff" opacity=".35"/></svg>`
}

const send = (res, status, type, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...headers })
  res.end(body)
}

/**
 * Answers every request the collector does not: store pages, theme CSS, product images.
 * Forms behave like WooCommerce's: add to cart → cart, place order → order received.
 */
export function handleStore(req, res, url) {
  if (url.pathname === '/wp-content/themes/storefront/style.css') return send(res, 200, 'text/css; charset=utf-8', STYLE)
  const img = /^\/wp-content\/uploads\/2026\/11\/([a-z0-9-]+)\.svg$/.exec(url.pathname)
  if (img) {
    const svg = productImage(img[1])
    return svg ? send(res, 200, 'image/svg+xml', svg) : send(res, 404, 'text/plain', 'not found')
  }
  // WordPress redirects /vi and /cart to their trailing-slash forms.
  if (!url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) {
    return send(res, 301, 'text/plain', '', { Location: url.pathname + '/' + url.search })
  }
  const route = resolve(url)
  if (req.method === 'POST' && route) {
    req.resume()
    const p = paths(route.lang)
    const next = route.page === 'product' ? p.cart : route.page === 'checkout' ? p.received(route.lang === 'vi' ? 1235 : 1234, 'wc_order_Qx7pL2mA9fKc') : url.pathname
    return send(res, 303, 'text/plain', '', { Location: next })
  }
  if (!route) {
    const lang = url.pathname.startsWith('/vi/') ? 'vi' : 'en'
    const page = { title: '404', bodyClass: 'error404', gtm: { pagePostType: 'bbp_forum', pagePostType2: '404' }, main: '<h1>404</h1><p>Oops! That page can’t be found.</p>' }
    return send(res, 404, 'text/html; charset=utf-8', layout({ lang, page: 'home' }, page))
  }
  send(res, 200, 'text/html; charset=UTF-8', layout(route, PAGES[route.page](route)))
}
