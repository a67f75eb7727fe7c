// The demo store as a request handler: pretty WordPress URLs → Storefront pages, plus the
// theme stylesheet and product images under the paths a WordPress site would use.
import { readFileSync } from 'node:fs'
import { addToCart, cartCookie, orderCookies, readCart, readOrder, removeFromCart, updateCart } from './cart.mjs'
import { ORDER, PRODUCTS } from './catalog.mjs'
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

// The site icon, as WordPress serves a "Site Icon" set in the Customizer.
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#3b3229"/><path d="M9 22c3-9 11-13 14-12-1 4-5 11-14 12z" fill="#cfd9c8"/></svg>'
const MAX_FORM_BYTES = 16_384

const send = (res, status, type, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...headers })
  res.end(body)
}

/**
 * Answers every request the collector does not: store pages, theme CSS, product images.
 * Forms behave like WooCommerce's: add to cart → cart, place order → order received.
 */
export function handleStore(req, res, url) {
  if (url.pathname === '/wp-content/themes/storefront/style.css')
    return send(res, 200, 'text/css; charset=utf-8', STYLE)
  if (url.pathname === '/wp-content/uploads/2026/11/cropped-site-icon.svg' || url.pathname === '/favicon.ico')
    return send(res, 200, 'image/svg+xml', ICON)
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
  if (route) route.cart = readCart(req)
  if (route && req.method === 'POST') return void readForm(req).then((form) => submit(res, route, form))
  const added = Number(url.searchParams.get('add-to-cart'))
  if (route && added) return redirect(res, paths(route.lang).cart, cartCookie(addToCart(route.cart, added)))
  const removed = Number(url.searchParams.get('remove_item'))
  if (route && removed) return redirect(res, paths(route.lang).cart, cartCookie(removeFromCart(route.cart, removed)))
  // WooCommerce sends a shopper with an empty cart from the checkout back to the cart.
  if (route?.page === 'checkout' && !route.cart.length) return redirect(res, paths(route.lang).cart)
  if (route) route.placed = readOrder(req)
  if (!route) {
    const lang = url.pathname.startsWith('/vi/') ? 'vi' : 'en'
    const page = {
      title: '404',
      bodyClass: 'error404',
      gtm: { pagePostType: 'bbp_forum', pagePostType2: '404' },
      main: '<h1>404</h1><p>Oops! That page can’t be found.</p>',
    }
    return send(res, 404, 'text/html; charset=utf-8', layout({ lang, page: 'home', cart: readCart(req) }, page))
  }
  send(res, 200, 'text/html; charset=UTF-8', layout(route, PAGES[route.page](route)))
}

const redirect = (res, location, cookies = []) =>
  send(res, 303, 'text/plain', '', { Location: location, 'Set-Cookie': cookies })

/**
 * The fields of a store form, urlencoded or multipart (WooCommerce's add-to-cart form is
 * multipart); an oversized or unreadable body reads as an empty form.
 */
function readForm(req) {
  return new Promise((done) => {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      if (size > MAX_FORM_BYTES) return req.destroy()
      chunks.push(chunk)
    })
    req.on('error', () => done(new FormData()))
    req.on('close', () => (size > MAX_FORM_BYTES ? done(new FormData()) : null))
    req.on('end', () => {
      const type = req.headers['content-type'] ?? 'application/x-www-form-urlencoded'
      new Response(Buffer.concat(chunks), { headers: { 'content-type': type } })
        .formData()
        .then(done, () => done(new FormData()))
    })
  })
}

/** Forms behave like WooCommerce's: add to cart → cart, update cart → cart, place order → order received. */
function submit(res, route, form) {
  const p = paths(route.lang)
  if (route.page === 'product') {
    const quantity = Number(form.get('quantity') ?? 1)
    return redirect(
      res,
      p.cart,
      cartCookie(addToCart(route.cart, Number(form.get('add-to-cart')) || route.item.id, quantity)),
    )
  }
  if (route.page === 'cart') return redirect(res, p.cart, cartCookie(updateCart(route.cart, form)))
  if (route.page === 'checkout') {
    if (!route.cart.length) return redirect(res, p.cart)
    return redirect(res, p.received(ORDER[route.lang], ORDER.key), orderCookies(route.cart))
  }
  redirect(res, route.lang === 'vi' ? '/vi/' : '/')
}
