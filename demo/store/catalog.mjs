// The demo store's catalogue, in English and Vietnamese: a small linen & silk shop.

export const SHOP = {
  en: { name: 'Mây Linen', tagline: 'Linen & silk, made in Vietnam' },
  vi: { name: 'Mây Linen', tagline: 'Linen & lụa, làm tại Việt Nam' },
}

export const CATEGORIES = [
  { id: 15, slug: { en: 'clothing', vi: 'thoi-trang' }, name: { en: 'Clothing', vi: 'Thời trang' } },
  { id: 16, slug: { en: 'accessories', vi: 'phu-kien' }, name: { en: 'Accessories', vi: 'Phụ kiện' } },
  { id: 17, slug: { en: 'home-linen', vi: 'nha-cua' }, name: { en: 'Home linen', vi: 'Nhà cửa' } },
]

export const PRODUCTS = [
  {
    id: 42,
    sku: 'ML-SHIRT-01',
    category: 15,
    price: 450000,
    colour: '#d9c7a7',
    slug: { en: 'linen-shirt', vi: 'ao-so-mi-linen' },
    name: { en: 'Linen shirt', vi: 'Áo sơ mi linen' },
    short: {
      en: 'Breathable stonewashed linen, relaxed fit, coconut-shell buttons.',
      vi: 'Linen wash mềm, thoáng mát, dáng rộng, cúc gáo dừa.',
    },
  },
  {
    id: 43,
    sku: 'ML-DRESS-02',
    category: 15,
    price: 690000,
    colour: '#b7c9b0',
    slug: { en: 'linen-wrap-dress', vi: 'dam-linen-dang-quan' },
    name: { en: 'Linen wrap dress', vi: 'Đầm linen dáng quấn' },
    short: {
      en: 'Midi wrap dress in sage linen with a self-tie belt.',
      vi: 'Đầm quấn dáng midi màu xanh xô thơm, có đai buộc.',
    },
  },
  {
    id: 44,
    sku: 'ML-TROUSER-03',
    category: 15,
    price: 520000,
    colour: '#c9b8a0',
    slug: { en: 'wide-leg-linen-trousers', vi: 'quan-linen-ong-rong' },
    name: { en: 'Wide-leg linen trousers', vi: 'Quần linen ống rộng' },
    short: {
      en: 'High-waisted, wide-leg, with an elastic back waistband.',
      vi: 'Cạp cao, ống rộng, chun sau thoải mái.',
    },
  },
  {
    id: 45,
    sku: 'ML-SCARF-04',
    category: 16,
    price: 350000,
    colour: '#c98b8b',
    slug: { en: 'ha-dong-silk-scarf', vi: 'khan-lua-ha-dong' },
    name: { en: 'Hà Đông silk scarf', vi: 'Khăn lụa Hà Đông' },
    short: { en: 'Hand-woven silk from Vạn Phúc village, 90 × 90 cm.', vi: 'Lụa dệt tay làng Vạn Phúc, 90 × 90 cm.' },
  },
  {
    id: 46,
    sku: 'ML-TOTE-05',
    category: 16,
    price: 290000,
    colour: '#d4b483',
    slug: { en: 'rattan-tote-bag', vi: 'tui-coi' },
    name: { en: 'Rattan tote bag', vi: 'Túi cói' },
    short: { en: 'Woven sedge tote with leather handles.', vi: 'Túi cói đan tay, quai da.' },
  },
  {
    id: 47,
    sku: 'ML-BED-06',
    category: 17,
    price: 1850000,
    colour: '#a9b8c9',
    slug: { en: 'linen-bedding-set', vi: 'bo-chan-ga-linen' },
    name: { en: 'Linen bedding set', vi: 'Bộ chăn ga linen' },
    short: {
      en: 'Duvet cover, fitted sheet and two pillowcases, queen size.',
      vi: 'Vỏ chăn, ga bọc và hai vỏ gối, cỡ 1m6.',
    },
  },
]

/** What is in the demo cart: the linen shirt and the silk scarf. */
export const CART = [
  { product: 42, quantity: 1 },
  { product: 45, quantity: 1 },
]
export const SHIPPING = 30000
export const ORDER = { en: 1234, vi: 1235, key: 'wc_order_Qx7pL2mA9fKc' }

export const POSTS = [
  {
    slug: { en: 'how-to-care-for-linen', vi: 'cach-giat-va-bao-quan-linen' },
    title: { en: 'How to care for linen', vi: 'Cách giặt và bảo quản đồ linen' },
    date: '2026-10-14',
    body: {
      en: [
        'Linen gets softer with every wash. Wash cool, skip the tumble dryer and hang it while it is still damp.',
        'Iron inside out on a medium setting, or enjoy the creases: they are part of the charm.',
      ],
      vi: [
        'Linen càng giặt càng mềm. Giặt nước mát, không sấy nóng và phơi khi vải còn ẩm.',
        'Là mặt trái ở nhiệt độ vừa, hoặc cứ để nếp nhăn tự nhiên: đó là nét duyên của linen.',
      ],
    },
  },
  {
    slug: { en: 'visiting-van-phuc-silk-village', vi: 'ghe-tham-lang-lua-van-phuc' },
    title: { en: 'A morning in Vạn Phúc silk village', vi: 'Một buổi sáng ở làng lụa Vạn Phúc' },
    date: '2026-09-02',
    body: {
      en: [
        'We spent a morning with the weavers who make our scarves, some of whom have worked the same looms for forty years.',
      ],
      vi: [
        'Chúng tôi dành một buổi sáng cùng những người thợ dệt khăn cho Mây, có người đã ngồi bên khung cửi suốt bốn mươi năm.',
      ],
    },
  },
]

export const productById = (id) => PRODUCTS.find((p) => p.id === id)
export const categoryById = (id) => CATEGORIES.find((c) => c.id === id)

/** WooCommerce prints VND without decimals: `450,000 ₫` (en) and `450.000 ₫` (vi). */
export const money = (amount, lang) =>
  `<span class="woocommerce-Price-amount amount"><bdi>${amount.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US')}&nbsp;<span class="woocommerce-Price-currencySymbol">&#8363;</span></bdi></span>`

/** A GA4 `items[]` entry the way GTM4WP writes it. */
export const ga4Item = (p, lang, quantity = 1, index) => ({
  item_id: p.sku,
  item_name: p.name[lang],
  item_brand: 'Mây Linen',
  item_category: categoryById(p.category).name[lang],
  price: p.price,
  quantity,
  ...(index === undefined ? {} : { index }),
})
