// Browsing pages: home, shop, category, search results, single product.
import { CATEGORIES, categoryById, ga4Item, money, PRODUCTS } from './catalog.mjs'
import { esc } from './layout.mjs'
import { paths } from './routes.mjs'
import { WORDS } from './words.mjs'

export const image = (p, lang, size = 'woocommerce_thumbnail') =>
  `<img width="324" height="324" src="/wp-content/uploads/2026/11/${p.slug.en}.svg" class="attachment-${size} size-${size}" alt="${esc(p.name[lang])}" decoding="async">`

/** The product loop (`ul.products`), as WooCommerce's archive-product template prints it. */
function loop(products, lang, columns = 3) {
  const w = WORDS[lang]
  const items = products.map((p, i) => {
    const cat = categoryById(p.category)
    const first = i % columns === 0 ? ' first' : (i + 1) % columns === 0 ? ' last' : ''
    return `<li class="product type-product post-${p.id} status-publish${first} instock product_cat-${cat.slug.en} has-post-thumbnail shipping-taxable purchasable product-type-simple">
<a href="${paths(lang).product(p.slug[lang])}" class="woocommerce-LoopProduct-link woocommerce-loop-product__link">${image(p, lang)}<h2 class="woocommerce-loop-product__title">${esc(p.name[lang])}</h2><span class="price">${money(p.price, lang)}</span></a>
<a href="?add-to-cart=${p.id}" data-quantity="1" class="button product_type_simple add_to_cart_button ajax_add_to_cart" data-product_id="${p.id}" data-product_sku="${p.sku}" rel="nofollow">${w.addToCart}</a></li>`
  })
  return `<ul class="products columns-${columns}">${items.join('\n')}</ul>`
}

const listEvent = (id, name, products, lang) => ({
  event: 'view_item_list',
  ecommerce: {
    currency: 'VND',
    item_list_id: id,
    item_list_name: name,
    items: products.map((p, i) => ga4Item(p, lang, 1, i)),
  },
})

const gtm = (postType, postType2, extra = {}) => ({
  visitorLoginState: 'logged-out',
  pagePostType: postType,
  pagePostType2: postType2,
  ...extra,
})

export function home(route) {
  const { lang } = route
  const w = WORDS[lang]
  const featured = PRODUCTS.slice(0, 3)
  return {
    title: w.home,
    bodyClass: 'home page-template page-template-template-homepage page-template-template-homepage-php page page-id-2',
    gtm: gtm('page', 'single-page'),
    events: [listEvent('homepage_featured', w.featured, featured, lang)],
    main: `<section class="storefront-hero"><h1>${w.hero}</h1><p>${w.heroText}</p><a class="button alt" href="${paths(lang).shop}">${w.heroCta}</a></section>
<section class="storefront-product-section storefront-recent-products"><h2 class="section-title">${w.featured}</h2><div class="woocommerce columns-3">${loop(featured, lang)}</div></section>
<section class="storefront-product-categories"><ul class="products columns-3">${CATEGORIES.map((c) => `<li class="product-category product"><a href="${paths(lang).category(c.slug[lang])}"><h2 class="woocommerce-loop-category__title">${c.name[lang]}</h2></a></li>`).join('')}</ul></section>`,
  }
}

function archive(route, { title, bodyClass, products, listId, gtmData, extraEvents = [] }) {
  const w = WORDS[route.lang]
  return {
    title,
    bodyClass,
    gtm: gtmData,
    events: [...extraEvents, listEvent(listId, title, products, route.lang)],
    crumbs: [[title]],
    main: `<header class="woocommerce-products-header"><h1 class="woocommerce-products-header__title page-title">${esc(title)}</h1></header>
<div class="storefront-sorting"><p class="woocommerce-result-count">${w.showing(products.length)}</p></div>
${loop(products, route.lang)}`,
  }
}

export const shop = (route) =>
  archive(route, {
    title: WORDS[route.lang].shop,
    listId: 'shop',
    products: PRODUCTS,
    gtmData: gtm('product', 'archive-product'),
    bodyClass: 'archive post-type-archive post-type-archive-product woocommerce-shop woocommerce woocommerce-page',
  })

export const category = (route) =>
  archive(route, {
    title: route.item.name[route.lang],
    listId: `product_cat_${route.item.slug.en}`,
    products: PRODUCTS.filter((p) => p.category === route.item.id),
    gtmData: gtm('product', 'category-product', { pageCategory: [route.item.slug.en] }),
    bodyClass: `archive tax-product_cat term-${route.item.slug[route.lang]} term-${route.item.id} woocommerce woocommerce-page`,
  })

export function search(route) {
  const q = (route.query ?? '').trim().toLowerCase()
  const products = PRODUCTS.filter(
    (p) => !q || `${p.name.en} ${p.name.vi} ${p.short[route.lang]}`.toLowerCase().includes(q),
  )
  return archive(route, {
    title: WORDS[route.lang].resultsFor(route.query ?? ''),
    listId: 'search_results',
    products,
    gtmData: gtm('product', 'search-results'),
    bodyClass: 'archive search search-results post-type-archive post-type-archive-product woocommerce woocommerce-page',
    extraEvents: [{ event: 'search', search_term: route.query ?? '' }],
  })
}

export function product(route) {
  const { lang, item: p } = route
  const w = WORDS[lang]
  const cat = categoryById(p.category)
  const related = PRODUCTS.filter((x) => x.category === p.category && x.id !== p.id)
  return {
    title: p.name[lang],
    bodyClass: `product-template-default single single-product postid-${p.id} woocommerce woocommerce-page`,
    gtm: gtm('product', 'single-product', { productRatingCounts: [], productAverageRating: 0 }),
    events: [{ event: 'view_item', ecommerce: { currency: 'VND', value: p.price, items: [ga4Item(p, lang)] } }],
    crumbs: [[cat.name[lang], paths(lang).category(cat.slug[lang])], [p.name[lang]]],
    main: `<div class="woocommerce-notices-wrapper"></div>
<div id="product-${p.id}" class="product type-product post-${p.id} status-publish first instock product_cat-${cat.slug.en} has-post-thumbnail shipping-taxable purchasable product-type-simple">
<div class="woocommerce-product-gallery woocommerce-product-gallery--with-images images"><figure class="woocommerce-product-gallery__wrapper"><div class="woocommerce-product-gallery__image">${image(p, lang, 'woocommerce_single')}</div></figure></div>
<div class="summary entry-summary">
<h1 class="product_title entry-title">${esc(p.name[lang])}</h1>
<p class="price">${money(p.price, lang)}</p>
<div class="woocommerce-product-details__short-description"><p>${esc(p.short[lang])}</p></div>
<p class="stock in-stock">${w.inStock}</p>
<form class="cart" action="${paths(lang).product(p.slug[lang])}" method="post" enctype="multipart/form-data">
<div class="quantity"><label class="screen-reader-text" for="quantity_${p.id}">${w.quantity}</label><input type="number" id="quantity_${p.id}" class="input-text qty text" name="quantity" value="1" min="1" step="1" inputmode="numeric"></div>
<button type="submit" name="add-to-cart" value="${p.id}" class="single_add_to_cart_button button alt">${w.addToCart}</button>
</form>
<div class="product_meta"><span class="sku_wrapper">${w.sku} <span class="sku">${p.sku}</span></span> <span class="posted_in">${w.category} <a href="${paths(lang).category(cat.slug[lang])}" rel="tag">${cat.name[lang]}</a></span></div>
</div>
<div class="woocommerce-tabs wc-tabs-wrapper"><h2>${w.description}</h2><p>${esc(p.short[lang])}</p></div>
<section class="related products"><h2>${w.related}</h2>${loop(related, lang)}</section>
</div>`,
  }
}
