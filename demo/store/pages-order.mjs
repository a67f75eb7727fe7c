// Buying pages: cart, checkout, order received, my account and its orders.
import { ga4Item, money, ORDER, productById, SHIPPING } from './catalog.mjs'
import { esc } from './layout.mjs'
import { image } from './pages-shop.mjs'
import { paths } from './routes.mjs'
import { WORDS } from './words.mjs'

// `cart` is the shopper's lines ({ product, quantity }), read from their cookie (see cart.mjs).
const withProducts = (cart) => cart.map((line) => ({ ...line, p: productById(line.product) }))
const subtotal = (cart) => withProducts(cart).reduce((s, l) => s + l.p.price * l.quantity, 0)
const items = (cart, lang) => withProducts(cart).map((l, i) => ga4Item(l.p, lang, l.quantity, i))
const gtm = (postType2) => ({ visitorLoginState: 'logged-in', pagePostType: 'page', pagePostType2: postType2 })

export function cart({ lang, cart }) {
  const w = WORDS[lang]
  if (!cart.length) return emptyCart(lang)
  const rows = withProducts(cart).map(
    ({ p, quantity }) => `<tr class="woocommerce-cart-form__cart-item cart_item">
<td class="product-remove"><a href="${paths(lang).cart}?remove_item=${p.id}" class="remove" aria-label="Remove ${esc(p.name[lang])}">×</a></td>
<td class="product-thumbnail">${image(p, lang)}</td>
<td class="product-name" data-title="${w.product}"><a href="${paths(lang).product(p.slug[lang])}">${esc(p.name[lang])}</a></td>
<td class="product-price" data-title="${w.price}">${money(p.price, lang)}</td>
<td class="product-quantity" data-title="${w.quantity}"><div class="quantity"><input type="number" class="input-text qty text" name="cart[${p.id}][qty]" value="${quantity}" min="0" aria-label="${w.quantity}"></div></td>
<td class="product-subtotal" data-title="${w.subtotal}">${money(p.price * quantity, lang)}</td></tr>`,
  )
  return {
    title: w.cart,
    bodyClass: 'page-template-default page page-id-7 woocommerce-cart woocommerce-page',
    gtm: gtm('single-page'),
    events: [{ event: 'view_cart', ecommerce: { currency: 'VND', value: subtotal(cart), items: items(cart, lang) } }],
    crumbs: [[w.cart]],
    main: `<article class="page type-page"><header class="entry-header"><h1 class="entry-title">${w.cart}</h1></header><div class="entry-content"><div class="woocommerce">
<form class="woocommerce-cart-form" action="${paths(lang).cart}" method="post">
<table class="shop_table shop_table_responsive cart woocommerce-cart-form__contents" cellspacing="0"><thead><tr><th class="product-remove"></th><th class="product-thumbnail"></th><th class="product-name">${w.product}</th><th class="product-price">${w.price}</th><th class="product-quantity">${w.quantity}</th><th class="product-subtotal">${w.subtotal}</th></tr></thead>
<tbody>${rows.join('')}<tr><td colspan="6" class="actions"><div class="coupon"><label for="coupon_code" class="screen-reader-text">${w.coupon}</label><input type="text" name="coupon_code" class="input-text" id="coupon_code" placeholder="${w.coupon}"> <button type="submit" class="button" name="apply_coupon">${w.applyCoupon}</button></div><button type="submit" class="button" name="update_cart" value="1">${w.update}</button></td></tr></tbody></table></form>
<div class="cart-collaterals"><div class="cart_totals"><h2>${w.cartTotals}</h2><table cellspacing="0" class="shop_table shop_table_responsive">
<tr class="cart-subtotal"><th>${w.subtotal}</th><td data-title="${w.subtotal}">${money(subtotal(cart), lang)}</td></tr>
<tr class="woocommerce-shipping-totals shipping"><th>${w.shipping}</th><td data-title="${w.shipping}">${w.flatRate}: ${money(SHIPPING, lang)}</td></tr>
<tr class="order-total"><th>${w.total}</th><td data-title="${w.total}"><strong>${money(subtotal(cart) + SHIPPING, lang)}</strong></td></tr></table>
<div class="wc-proceed-to-checkout"><a href="${paths(lang).checkout}" class="checkout-button button alt wc-forward">${w.proceed}</a></div></div></div>
</div></div></article>`,
  }
}

/** WooCommerce's cart-empty template. */
function emptyCart(lang) {
  const w = WORDS[lang]
  return {
    title: w.cart,
    bodyClass: 'page-template-default page page-id-7 woocommerce-cart woocommerce-page',
    gtm: gtm('single-page'),
    crumbs: [[w.cart]],
    main: `<article class="page type-page"><header class="entry-header"><h1 class="entry-title">${w.cart}</h1></header><div class="entry-content"><div class="woocommerce">
<div class="wc-empty-cart-message"><div class="cart-empty woocommerce-info" role="status">${w.cartEmpty}</div></div>
<p class="return-to-shop"><a class="button wc-backward" href="${paths(lang).shop}">${w.returnToShop}</a></p></div></div></article>`,
  }
}

export function checkout({ lang, cart }) {
  const w = WORDS[lang]
  const field = (id, label, type = 'text', value = '') =>
    `<p class="form-row form-row-wide validate-required" id="billing_${id}_field"><label for="billing_${id}">${label}&nbsp;<abbr class="required" title="required">*</abbr></label><span class="woocommerce-input-wrapper"><input type="${type}" class="input-text" name="billing_${id}" id="billing_${id}" value="${value}"></span></p>`
  return {
    title: lang === 'vi' ? 'Thanh toán' : 'Checkout',
    bodyClass: 'page-template-default page page-id-8 woocommerce-checkout woocommerce-page',
    gtm: gtm('single-page'),
    events: [
      { event: 'begin_checkout', ecommerce: { currency: 'VND', value: subtotal(cart), items: items(cart, lang) } },
    ],
    crumbs: [[lang === 'vi' ? 'Thanh toán' : 'Checkout']],
    main: `<article class="page type-page"><header class="entry-header"><h1 class="entry-title">${lang === 'vi' ? 'Thanh toán' : 'Checkout'}</h1></header><div class="entry-content"><div class="woocommerce">
<form name="checkout" method="post" class="checkout woocommerce-checkout" action="${paths(lang).checkout}" enctype="multipart/form-data">
<div class="col2-set" id="customer_details"><div class="col-1"><div class="woocommerce-billing-fields"><h3>${w.billing}</h3><div class="woocommerce-billing-fields__field-wrapper">
${field('first_name', w.firstName, 'text', 'Lan')}${field('last_name', w.lastName, 'text', 'Nguyễn')}${field('address_1', w.address, 'text', '12 Hàng Gai')}${field('city', w.city, 'text', 'Hà Nội')}${field('phone', w.phone, 'tel', '0912 345 678')}${field('email', w.email, 'email', 'lan@example.com')}
</div></div></div></div>
<h3 id="order_review_heading">${w.yourOrder}</h3>
<div id="order_review" class="woocommerce-checkout-review-order"><table class="shop_table woocommerce-checkout-review-order-table"><thead><tr><th class="product-name">${w.product}</th><th class="product-total">${w.subtotal}</th></tr></thead><tbody>
${withProducts(cart)
  .map(
    ({ p, quantity }) =>
      `<tr class="cart_item"><td class="product-name">${esc(p.name[lang])}&nbsp;<strong class="product-quantity">×&nbsp;${quantity}</strong></td><td class="product-total">${money(p.price * quantity, lang)}</td></tr>`,
  )
  .join('')}
</tbody><tfoot><tr class="cart-subtotal"><th>${w.subtotal}</th><td>${money(subtotal(cart), lang)}</td></tr><tr class="woocommerce-shipping-totals shipping"><th>${w.shipping}</th><td>${money(SHIPPING, lang)}</td></tr><tr class="order-total"><th>${w.total}</th><td><strong>${money(subtotal(cart) + SHIPPING, lang)}</strong></td></tr></tfoot></table>
<div id="payment" class="woocommerce-checkout-payment"><ul class="wc_payment_methods payment_methods methods">
<li class="wc_payment_method payment_method_cod"><input id="payment_method_cod" type="radio" class="input-radio" name="payment_method" value="cod" checked> <label for="payment_method_cod">${w.cod}</label><div class="payment_box payment_method_cod"><p>${w.codNote}</p></div></li>
<li class="wc_payment_method payment_method_bacs"><input id="payment_method_bacs" type="radio" class="input-radio" name="payment_method" value="bacs"> <label for="payment_method_bacs">${w.bank}</label></li></ul>
<div class="form-row place-order"><button type="submit" class="button alt" name="woocommerce_checkout_place_order" id="place_order" value="${w.placeOrder}">${w.placeOrder}</button></div></div></div>
</form></div></div></article>`,
  }
}

export function received(route) {
  const { lang } = route
  const w = WORDS[lang]
  const order = route.order
  const placed = route.placed
  return {
    title: lang === 'vi' ? 'Thanh toán' : 'Checkout',
    bodyClass: 'page-template-default page page-id-8 woocommerce-checkout woocommerce-page woocommerce-order-received',
    gtm: gtm('single-page'),
    events: [
      {
        event: 'purchase',
        ecommerce: {
          transaction_id: String(order),
          affiliation: 'Mây Linen',
          currency: 'VND',
          value: subtotal(placed) + SHIPPING,
          tax: 0,
          shipping: SHIPPING,
          items: items(placed, lang),
        },
      },
    ],
    crumbs: [[w.orderDetails]],
    main: `<article class="page type-page"><header class="entry-header"><h1 class="entry-title">${lang === 'vi' ? 'Đã nhận đơn hàng' : 'Order received'}</h1></header><div class="entry-content"><div class="woocommerce"><div class="woocommerce-order">
<p class="woocommerce-notice woocommerce-notice--success woocommerce-thankyou-order-received">${w.received}</p>
<ul class="woocommerce-order-overview woocommerce-thankyou-order-details order_details">
<li class="woocommerce-order-overview__order order">${w.orderNumber} <strong>${order}</strong></li>
<li class="woocommerce-order-overview__date date">${w.date} <strong>${lang === 'vi' ? '23 Tháng 11, 2026' : 'November 23, 2026'}</strong></li>
<li class="woocommerce-order-overview__total total">${w.total} <strong>${money(subtotal(placed) + SHIPPING, lang)}</strong></li>
<li class="woocommerce-order-overview__payment-method method">${w.paymentMethod} <strong>${w.cod}</strong></li></ul>
</div></div></div></article>`,
  }
}

const accountNav = (lang, current) => {
  const w = WORDS[lang]
  const p = paths(lang)
  const items = [
    ['dashboard', w.dashboard, p.account],
    ['orders', w.orders, p.orders],
    ['edit-address', w.addresses, p.account],
    ['edit-account', w.accountDetails, p.account],
    ['customer-logout', w.logout, p.account],
  ]
  return `<nav class="woocommerce-MyAccount-navigation" aria-label="Account pages"><ul>${items.map(([id, label, href]) => `<li class="woocommerce-MyAccount-navigation-link woocommerce-MyAccount-navigation-link--${id}${id === current ? ' is-active' : ''}"><a href="${href}">${label}</a></li>`).join('')}</ul></nav>`
}

const accountPage = (lang, current, content) => ({
  title: WORDS[lang].account,
  bodyClass:
    'page-template-default page page-id-9 logged-in woocommerce-account woocommerce-page' +
    (current === 'orders' ? ' woocommerce-orders' : ''),
  gtm: gtm('single-page'),
  crumbs: [[WORDS[lang].account]],
  main: `<article class="page type-page"><header class="entry-header"><h1 class="entry-title">${WORDS[lang].account}</h1></header><div class="entry-content"><div class="woocommerce">${accountNav(lang, current)}<div class="woocommerce-MyAccount-content">${content}</div></div></div></article>`,
})

export const account = ({ lang }) =>
  accountPage(lang, 'dashboard', `<p>${WORDS[lang].hello}</p><p>${WORDS[lang].dashboardText}</p>`)

export function orders({ lang, placed }) {
  const w = WORDS[lang]
  const rows = [
    [ORDER[lang], '2026-11-23', w.processing, subtotal(placed) + SHIPPING],
    [1187, '2026-10-02', w.completed, 720000],
  ]
  return accountPage(
    lang,
    'orders',
    `<table class="woocommerce-orders-table woocommerce-MyAccount-orders shop_table shop_table_responsive my_account_orders account-orders-table">
<thead><tr><th class="woocommerce-orders-table__header woocommerce-orders-table__header-order-number">${w.order}</th><th class="woocommerce-orders-table__header woocommerce-orders-table__header-order-date">${w.date.replace(':', '')}</th><th class="woocommerce-orders-table__header woocommerce-orders-table__header-order-status">${w.status}</th><th class="woocommerce-orders-table__header woocommerce-orders-table__header-order-total">${w.total}</th><th class="woocommerce-orders-table__header woocommerce-orders-table__header-order-actions">${w.actions}</th></tr></thead>
<tbody>${rows.map(([id, date, status, total]) => `<tr class="woocommerce-orders-table__row order"><td class="woocommerce-orders-table__cell woocommerce-orders-table__cell-order-number"><a href="#">#${id}</a></td><td class="woocommerce-orders-table__cell"><time datetime="${date}">${date}</time></td><td class="woocommerce-orders-table__cell">${status}</td><td class="woocommerce-orders-table__cell">${money(total, lang)}</td><td class="woocommerce-orders-table__cell"><a href="#" class="woocommerce-button button view">${w.view}</a></td></tr>`).join('')}</tbody></table>`,
  )
}
