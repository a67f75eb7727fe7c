import { NONE, PAGE, bestName, type Hit } from './page-types.js'

/**
 * The page name of a Joomla shop view: VirtueMart (`productdetails`, `category`, `cart`,
 * `cart` + layout `orderdone`), HikaShop (`product` + `show` | `listing`, `checkout` +
 * `after_end`), Joomla's own components; articles are generic pages, `featured` the home page.
 */
export const joomlaName = (option: string, view: string, layout: string) =>
  option == 'content' ? (view == 'featured' ? 'home' : 'page') : view + (layout && '-' + layout)

// `<body>` classes that carry a page name, and the platform that prints them:
// PrestaShop 1.7+ `page-<controller>` (not WordPress's page-id-5 / page-parent / page-template),
// WordPress page templates (`page-template-template-contact-php`), Shopify-style `template-*`.
const CLASS_NAMES: [RegExp, string][] = [
  [/ page-(?!template|id-|parent |child |layout-)(\S+)/g, 'page:body-class'],
  [/ page-template-(?!default )(\S+)/g, 'wordpress:page-template'],
  [/ template-(\S+)/g, 'theme:body-class'],
]

// Shopware 6 renders category pages and CMS shop pages (contact, imprint) with the same
// NavigationController::index: only a product listing element makes it a listing.
const shopwareName = (doc: Document, controller: string, action: string) =>
  controller == 'navigation' && action == 'index' && !doc.querySelector('.cms-element-product-listing')
    ? 'page'
    : controller && controller + '-' + action

// Squarespace: a products collection lists (`view-list`) or shows one product (`view-item`).
const squarespaceName = (type: string, item: boolean) =>
  type == 'products' ? (item ? 'product' : 'shop') : type.replace('index', 'page')

// OpenCart 3 and 4 wrap each page in a container named for its route, a child of <body> (4: of
// <main>): `<div id="checkout-cart" class="container">`. Only those children are looked at.
const containerId = (parent: Element): string => {
  for (const child of parent.children) {
    if (child.tagName == 'MAIN') return containerId(child)
    if (child.id && child.tagName == 'DIV' && child.classList.contains('container')) return child.id
  }
  return ''
}

const one = (pattern: RegExp, text: string) => (pattern.exec(text) || [])[1] || ''

/**
 * Page names printed in the markup by platforms whose page type lives there: the body id
 * (PrestaShop `order-confirmation`, Miva `PROD`, Zen Cart `productinfoBody`), `page-*` /
 * `template-*` body classes, Shopware's `is-ctl-<controller> is-act-<action>`, Joomla's
 * `com_* view-* layout-*`, Squarespace's `collection-type-* view-item|list`, nopCommerce's
 * `html-<name>-page` on `<html>`, Odoo's `data-main-object` on `<html>`, and OpenCart's
 * route-named page container (`#product-product`, `#common-success`).
 *
 * @example
 * // <body class="is-ctl-checkout is-act-finishpage">
 * readPageNames(window) // → [0, 'shopware:body-class'] (confirmation)
 */
export function readPageNames(w: Window): Hit | undefined {
  const html = w.document.documentElement
  const body = w.document.body
  const classes = ' ' + body.className.replace(/\s+/g, '  ') + ' '
  const found: [string[], string][] = [
    [
      ((' ' + html.className + ' ').match(/ html-\S+?-page(?= )/g) || []).map((name) => name.slice(6, -5)),
      'nopcommerce:html-class',
    ],
    [[one(/^([\w.]+)\(/, html.getAttribute('data-main-object') || '')], 'odoo:main-object'],
    [
      [shopwareName(w.document, one(/ is--?ctl-(\S+)/, classes), one(/ is--?act-(\S+)/, classes))],
      'shopware:body-class',
    ],
    [
      [
        / com_/.test(classes)
          ? joomlaName(one(/ com_(\S+)/, classes), one(/ view-(\S+)/, classes), one(/ layout-(\S+)/, classes))
          : '',
      ],
      'joomla:body-class',
    ],
    [
      [
        / homepage /.test(classes)
          ? 'home'
          : squarespaceName(one(/ collection-type-(products|blog|page|index)/, classes), / view-item /.test(classes)),
      ],
      'squarespace:body-class',
    ],
  ]
  for (const [pattern, signal] of CLASS_NAMES)
    found.push([(classes.match(pattern) || []).map((name) => name.slice(name.indexOf('-') + 1)), signal])
  found.push([[body.id], 'body-id'])
  found.push([[containerId(body)], 'opencart:container-id'])
  let weak: Hit | undefined
  for (const [names, signal] of found) {
    const rank = bestName(names.filter((name) => name && name != '-'))
    if (rank < NONE && rank != PAGE) return [rank, signal]
    weak = weak || (rank < NONE ? [rank, signal] : undefined)
  }
  return weak
}
