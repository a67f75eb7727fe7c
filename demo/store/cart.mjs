// The shopper's cart, kept in a cookie as WooCommerce keeps it in a session: `42:1,45:2`.
// A visitor without the cookie sees the sample cart, so that the checkout and thank-you links
// the demo prints work on a first visit; once they add, change or remove a line, the cookie holds
// their own cart. Placing an order empties the cart and keeps the order for the thank-you page.
import { CART, productById } from './catalog.mjs'

const CART_COOKIE = 'demo_cart'
const ORDER_COOKIE = 'demo_order'
const MAX_QUANTITY = 99

/** Reads one cookie's value from a request, or null. */
function cookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return null
}

/** `42:1,45:2` → lines of known products with a sane quantity; anything else is dropped. */
function parse(text) {
  const lines = []
  for (const item of text.split(',')) {
    const [id, quantity] = item.split(':').map(Number)
    if (productById(id) && Number.isInteger(quantity) && quantity > 0)
      lines.push({ product: id, quantity: Math.min(quantity, MAX_QUANTITY) })
  }
  return lines
}

const serialise = (lines) => lines.map((line) => `${line.product}:${line.quantity}`).join(',')
const setCookie = (name, lines) => `${name}=${encodeURIComponent(serialise(lines))}; Path=/; SameSite=Lax; HttpOnly`

/** The cart this request's shopper holds. */
export function readCart(req) {
  const text = cookie(req, CART_COOKIE)
  return text === null ? CART.map((line) => ({ ...line })) : parse(text)
}

/** The order last placed by this shopper (the sample cart when none was placed). */
export function readOrder(req) {
  const text = cookie(req, ORDER_COOKIE)
  const lines = text === null ? [] : parse(text)
  return lines.length ? lines : CART.map((line) => ({ ...line }))
}

/** Adds `quantity` of a product; returns the new lines (unchanged for an unknown product). */
export function addToCart(lines, productId, quantity = 1) {
  if (!productById(productId)) return lines
  const amount = Number.isInteger(quantity) && quantity > 0 ? quantity : 1
  const found = lines.find((line) => line.product === productId)
  if (found)
    return lines.map((line) =>
      line === found ? { ...line, quantity: Math.min(line.quantity + amount, MAX_QUANTITY) } : line,
    )
  return [...lines, { product: productId, quantity: Math.min(amount, MAX_QUANTITY) }]
}

/** Sets quantities from the cart form (`cart[42][qty]=2`); a quantity of 0 removes the line. */
export function updateCart(lines, form) {
  return lines
    .map((line) => {
      const value = form.get(`cart[${line.product}][qty]`)
      const quantity = value === null ? line.quantity : Number(value)
      return {
        ...line,
        quantity: Number.isInteger(quantity) ? Math.min(Math.max(quantity, 0), MAX_QUANTITY) : line.quantity,
      }
    })
    .filter((line) => line.quantity > 0)
}

export const removeFromCart = (lines, productId) => lines.filter((line) => line.product !== productId)

/** Set-Cookie headers that store the cart (and, after an order, the order). */
export const cartCookie = (lines) => setCookie(CART_COOKIE, lines)
export const orderCookies = (lines) => [setCookie(ORDER_COOKIE, lines), setCookie(CART_COOKIE, [])]
