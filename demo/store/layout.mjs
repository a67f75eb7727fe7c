// The Storefront theme's page shell: head (GTM4WP dataLayer, the touchpoint tag pasted by the
// store owner), header with search, menu and mini-cart, breadcrumb, footer with a language switch.
import { money, productById, SHOP } from './catalog.mjs'
import { alternate, paths } from './routes.mjs'
import { WORDS } from './words.mjs'

export const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])

// GTM4WP ("GTM for WordPress") writes this before the container snippet on every page.
function dataLayerScript(page) {
  const lines = [`var dataLayer_content = ${JSON.stringify(page.gtm)};`, 'dataLayer.push( dataLayer_content );']
  for (const event of page.events ?? [])
    lines.push('dataLayer.push({ ecommerce: null });', `dataLayer.push(${JSON.stringify(event)});`)
  return `<script data-cfasync="false" data-pagespeed-no-defer>
var dataLayer = dataLayer || [];
${lines.join('\n')}
</script>
<!-- Google Tag Manager (container snippet left out: the demo makes no third-party requests) -->`
}

/** A whole page. `page`: { title, bodyClass, gtm, events?, crumbs?, main }. */
export function layout(route, page) {
  const w = WORDS[route.lang]
  const p = paths(route.lang)
  const count = route.cart.reduce((n, line) => n + line.quantity, 0)
  const cartTotal = route.cart.reduce((sum, line) => sum + productById(line.product).price * line.quantity, 0)
  const menu = [
    [w.home, p.home],
    [w.shop, p.shop],
    [w.blog, p.blog],
    [w.contact, p.contact],
    [w.account, p.account],
  ]
  const crumbs = page.crumbs
    ? `<nav class="woocommerce-breadcrumb" aria-label="Breadcrumb"><a href="${p.home}">${w.home}</a>${page.crumbs
        .map(([label, href]) => `&nbsp;/&nbsp;${href ? `<a href="${href}">${esc(label)}</a>` : esc(label)}`)
        .join('')}</nav>`
    : ''
  return `<!doctype html>
<html lang="${route.lang === 'vi' ? 'vi' : 'en-US'}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)} – ${SHOP[route.lang].name}</title>
<link rel="icon" href="/wp-content/uploads/2026/11/cropped-site-icon.svg" type="image/svg+xml">
<link rel="stylesheet" id="storefront-style-css" href="/wp-content/themes/storefront/style.css?ver=4.6.1" media="all">
${dataLayerScript(page)}
<script src="/touchpoint.js" data-endpoint="/collect" async></script>
</head>
<body class="${page.bodyClass} wp-theme-storefront theme-storefront woocommerce-js storefront-align-wide right-sidebar">
<div id="page" class="hfeed site">
<header id="masthead" class="site-header" role="banner">
<div class="col-full">
<div class="site-branding"><p class="site-title"><a href="${p.home}" rel="home">${SHOP[route.lang].name}</a></p><p class="site-description">${SHOP[route.lang].tagline}</p></div>
<div class="site-search"><div class="widget woocommerce widget_product_search"><form role="search" method="get" class="woocommerce-product-search" action="${p.home}">
<label class="screen-reader-text" for="woocommerce-product-search-field-0">${w.search}</label>
<input type="search" id="woocommerce-product-search-field-0" class="search-field" placeholder="${w.search}" value="${esc(route.query ?? '')}" name="s">
<button type="submit" value="${w.searchButton}">${w.searchButton}</button><input type="hidden" name="post_type" value="product"></form></div></div>
</div>
<div class="storefront-primary-navigation"><div class="col-full">
<nav id="site-navigation" class="main-navigation" role="navigation" aria-label="Primary Navigation"><div class="primary-navigation"><ul id="menu-primary" class="menu">
${menu.map(([label, href]) => `<li class="menu-item"><a href="${href}">${label}</a></li>`).join('')}
</ul></div></nav>
<ul id="site-header-cart" class="site-header-cart menu"><li><a class="cart-contents" href="${p.cart}" title="${w.cart}">${money(cartTotal, route.lang)} <span class="count">${w.items(count)}</span></a></li></ul>
</div></div>
</header>
<div id="content" class="site-content" tabindex="-1"><div class="col-full">
<div class="woocommerce"></div>
${crumbs}
<div id="primary" class="content-area"><main id="main" class="site-main" role="main">
${page.main}
</main></div>
</div></div>
<footer id="colophon" class="site-footer" role="contentinfo"><div class="col-full">
<ul class="lang-switcher"><li class="lang-item"><a href="${alternate(route)}" hreflang="${route.lang === 'en' ? 'vi' : 'en'}" lang="${route.lang === 'en' ? 'vi' : 'en'}">${w.language}</a></li></ul>
<div class="site-info">© 2026 ${SHOP[route.lang].name} · ${w.footer}</div>
</div></footer>
</div>
</body>
</html>`
}
