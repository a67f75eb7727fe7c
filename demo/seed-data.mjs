// Plausible synthetic answers for the demo, generated from a fixed seed so every run tells
// the same story: shoppers like the products and love the thank-you page, but checkout
// hurts (a shipping fee that appears only at the last step, failing card payments, a long
// form), so checkout is clearly the touchpoint to fix first.
import { ensureBuilt } from './ensure-build.mjs'
import { paths } from './store/routes.mjs'

// The product's own vocabulary (src/shared/vocabulary.ts, from the collector's build), so the
// demo's emotions and stages cannot drift from what the widget sends and the collector checks.
ensureBuilt({ widget: false })
const { DEFAULT_STAGE_MAP, EMOTIONS } = await import('../dist/collector/vocabulary.js')

// Weights per score: csat 1–5, nps 0–10, emotion 1–5, ces 1–7 (7 = very easy).
const GOOD = { csat: [1, 2, 8, 40, 49], nps: [1, 0, 1, 1, 2, 3, 4, 10, 18, 30, 30], emotion: [1, 2, 10, 45, 42] }
const FAIR = { csat: [4, 10, 22, 42, 22], nps: [3, 2, 3, 4, 5, 8, 10, 18, 20, 15, 12], emotion: [5, 12, 30, 38, 15] }
const POOR = {
  csat: [30, 30, 22, 12, 6],
  nps: [14, 8, 10, 10, 9, 10, 9, 10, 8, 6, 6],
  emotion: [38, 30, 18, 10, 4],
  ces: [18, 24, 22, 16, 10, 6, 4],
}
const GREAT = { csat: [0, 1, 4, 30, 65], nps: [0, 0, 1, 1, 1, 2, 3, 8, 16, 32, 36], emotion: [0, 1, 5, 34, 60] }

const C = (en, vi) => ({ en, vi })
const PROFILES = {
  home: {
    n: 46,
    mood: GOOD,
    page: (p) => p.home,
    bad: [C('The banner hides the menu on my phone', 'Banner che mất menu trên điện thoại')],
    good: [
      C('Beautiful photos, very calm', 'Ảnh đẹp, nhìn rất dễ chịu'),
      C('Found the summer collection right away', 'Thấy ngay bộ sưu tập mùa hè'),
    ],
  },
  content: {
    n: 22,
    mood: GOOD,
    page: (p) => p.post('how-to-care-for-linen'),
    bad: [C('Wanted more washing tips', 'Muốn thêm mẹo giặt')],
    good: [C('Useful care guide, thanks', 'Hướng dẫn bảo quản rất hữu ích')],
  },
  listing: {
    n: 58,
    mood: FAIR,
    page: (p, vi) => p.category(vi ? 'thoi-trang' : 'clothing'),
    bad: [
      C('No filter by size or colour', 'Không lọc được theo size hay màu'),
      C('Too few items per page', 'Mỗi trang ít sản phẩm quá'),
    ],
    good: [C('Easy to browse', 'Dễ xem')],
  },
  search: {
    n: 28,
    mood: FAIR,
    page: (p) => p.search('linen'),
    bad: [
      C('Searching without accents finds nothing', 'Gõ không dấu thì không tìm thấy gì'),
      C('"dress" shows the bedding set', 'Tìm "đầm" lại ra bộ chăn ga'),
    ],
    good: [C('Found it quickly', 'Tìm nhanh')],
  },
  product: {
    n: 112,
    mood: GOOD,
    page: (p, vi) => p.product(vi ? 'ao-so-mi-linen' : 'linen-shirt'),
    bad: [
      C('Size chart is unclear, I am 1m58', 'Bảng size khó hiểu, mình cao 1m58'),
      C('Is it see-through? No photo in daylight', 'Vải có mỏng không? Không có ảnh chụp ngoài trời'),
    ],
    good: [
      C('Great details about the fabric', 'Mô tả chất vải rất kỹ'),
      C('Love the colours', 'Màu đẹp quá'),
      C('Photos match the real thing', 'Ảnh giống thật'),
    ],
  },
  cart: {
    n: 54,
    mood: FAIR,
    page: (p) => p.cart,
    bad: [
      C('Could not apply my coupon', 'Không áp được mã giảm giá'),
      C('Shipping cost not shown here', 'Chưa thấy phí ship ở đây'),
    ],
    good: [C('Simple and clear', 'Đơn giản, rõ ràng')],
  },
  checkout: {
    n: 124,
    mood: POOR,
    ces: true,
    page: (p) => p.checkout,
    bad: [
      C('Shipping fee only appears at the last step', 'Phí ship chỉ hiện ở bước cuối cùng'),
      C('Card payment failed twice', 'Thanh toán thẻ bị lỗi hai lần'),
      C('Too many fields, had to type my address again', 'Form dài quá, phải nhập lại địa chỉ'),
      C('No MoMo or ZaloPay', 'Không có MoMo hay ZaloPay'),
      C('Page reloaded and emptied the form', 'Trang tải lại và mất hết thông tin đã nhập'),
    ],
    good: [C('Cash on delivery is handy', 'Có COD tiện')],
  },
  confirmation: {
    n: 72,
    mood: GREAT,
    page: (p, vi) => p.received(vi ? 1235 : 1234, 'wc_order_Qx7pL2mA9fKc'),
    bad: [C('No delivery date given', 'Không báo ngày giao dự kiến')],
    good: [
      C('Quick confirmation email', 'Email xác nhận đến ngay'),
      C('Will order again!', 'Sẽ mua tiếp!'),
      C('Lovely packaging last time', 'Lần trước gói hàng rất xinh'),
    ],
  },
  account: {
    n: 44,
    mood: FAIR,
    page: (p) => p.orders,
    bad: [
      C('Cannot see where my parcel is', 'Không xem được đơn đang ở đâu'),
      C('Had to reset my password to see orders', 'Phải đặt lại mật khẩu mới xem được đơn'),
    ],
    good: [C('Order history is clear', 'Lịch sử đơn hàng rõ ràng')],
  },
  support: {
    n: 30,
    mood: GOOD,
    page: (p) => p.contact,
    bad: [C('Waited two days for an answer', 'Chờ hai ngày mới được trả lời')],
    good: [C('Quick answer on Zalo', 'Trả lời nhanh qua Zalo'), C('Exchange was easy', 'Đổi size dễ dàng')],
  },
}

/** mulberry32: a tiny seeded PRNG, so the demo data is the same on every machine. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const weighted = (rnd, weights) => {
  let r = rnd() * weights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i
  return weights.length - 1
}

const uuid = (rnd) => {
  const b = Array.from({ length: 16 }, () => Math.floor(rnd() * 256))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

// Of the shoppers asked, how many answer: most touchpoints 20–35 %, the thank-you page more,
// the home page under 10 % (a survey there interrupts browsing), so the report has one
// self-selected figure to warn about.
const RESPONSE_RATE = {
  home: 0.08,
  content: 0.2,
  listing: 0.22,
  search: 0.25,
  product: 0.3,
  cart: 0.28,
  checkout: 0.33,
  confirmation: 0.45,
  account: 0.3,
  support: 0.35,
}
const DEVICES = [
  ['phone', 0.62],
  ['desktop', 0.33],
  ['tablet', 0.05],
]

/**
 * About 590 answers over the 28 days before `now`, each answering a shown display, plus the
 * displays of the shoppers who dismissed or ignored the survey: what a real widget sends (the
 * locales it sends, `en` and `vi`; URLs without their query, as the widget strips it).
 * Ids come from the seed too, so seeding an already seeded database adds nothing.
 */
export function seedBatch({ seed = 20261123, now = Date.now(), origin = 'http://localhost:8080' } = {}) {
  const rnd = random(seed)
  const responses = []
  const displays = []
  for (const [touchpoint, prof] of Object.entries(PROFILES)) {
    for (let i = 0; i < prof.n; i++) {
      const vi = rnd() < 0.6
      const lang = vi ? 'vi' : 'en'
      const roll = rnd()
      const kind = prof.ces && roll < 0.12 ? 'ces' : roll < 0.5 ? 'csat' : roll < 0.78 ? 'emotion' : 'nps'
      const weights = kind === 'ces' ? prof.mood.ces : prof.mood[kind]
      const score = weighted(rnd, weights) + (kind === 'nps' ? 0 : 1)
      const low = kind === 'nps' ? score <= 6 : kind === 'ces' ? score <= 3 : score <= 2
      const high = kind === 'nps' ? score >= 9 : kind === 'ces' ? score >= 6 : score >= 4
      const pool = low ? prof.bad : high ? prof.good : null
      const comment = pool && rnd() < 0.45 ? pool[Math.floor(rnd() * pool.length)][lang] : null
      const at = new Date(now - Math.floor(rnd() * 28 * 86_400_000) - 60_000)
      const context = {
        survey: kind === 'ces' ? 'checkout-effort' : kind,
        kind,
        stage: DEFAULT_STAGE_MAP[touchpoint],
        touchpoint,
        url: (origin + prof.page(paths(lang), vi)).split('?')[0],
        locale: lang,
        device: pickDevice(rnd),
        visitor: rnd() < 0.4 ? 'returning' : 'new',
      }
      const shown = { id: uuid(rnd), event: 'shown', ...context, at: at.toISOString() }
      displays.push(shown)
      responses.push({
        id: uuid(rnd),
        ...context,
        score,
        comment,
        emotion: kind === 'emotion' ? EMOTIONS[score - 1] : null,
        at: at.toISOString(),
        display: shown.id,
      })
      // The shoppers at this touchpoint who were asked the same and did not answer.
      const silent = Math.round(1 / RESPONSE_RATE[touchpoint] - 1 + (rnd() - 0.5))
      for (let k = 0; k < silent; k++) {
        const when = new Date(now - Math.floor(rnd() * 28 * 86_400_000) - 60_000).toISOString()
        const other = { id: uuid(rnd), event: 'shown', ...context, device: pickDevice(rnd), at: when }
        displays.push(other)
        if (rnd() < 0.55) displays.push({ ...other, id: uuid(rnd), event: 'dismissed' })
      }
    }
  }
  const byTime = (a, b) => (a.at < b.at ? -1 : 1)
  return { responses: responses.sort(byTime), displays: displays.sort(byTime) }
}

/** The answers of `seedBatch` alone. */
export const seedAnswers = (options) => seedBatch(options).responses

function pickDevice(rnd) {
  let roll = rnd()
  for (const [device, share] of DEVICES) if ((roll -= share) < 0) return device
  return 'phone'
}
