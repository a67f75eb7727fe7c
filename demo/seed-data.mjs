// Plausible synthetic answers for the demo, generated from a fixed seed so every run tells
// the same story: shoppers like the products and love the thank-you page, but checkout
// hurts (a shipping fee that appears only at the last step, failing card payments, a long
// form), so checkout is clearly the touchpoint to fix first. Seed data obeys the product's own
// rules: urls without query strings, only the locales the widget sends (en, vi), and a
// display for every survey shown or dismissed, so that the report has response rates.
import { paths } from './store/routes.mjs'

const EMOTIONS = ['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted']
const STAGE = {
  home: 'awareness',
  content: 'awareness',
  listing: 'consideration',
  search: 'consideration',
  product: 'consideration',
  cart: 'decision',
  checkout: 'decision',
  confirmation: 'purchase',
  account: 'retention',
  support: 'retention',
}

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

// Of the surveys shown at a touchpoint, the share answered; of the rest, the share closed
// (dismissed) rather than left on screen. Checkout shoppers answer least and close most.
const RATES = {
  home: [0.22, 0.55],
  content: [0.3, 0.4],
  listing: [0.26, 0.5],
  search: [0.3, 0.5],
  product: [0.34, 0.45],
  cart: [0.28, 0.6],
  checkout: [0.18, 0.7],
  confirmation: [0.52, 0.3],
  account: [0.4, 0.4],
  support: [0.45, 0.35],
}
// Who answers from where: most shoppers on phones; account and support pages are mostly returning customers.
const DEVICES = [
  ['phone', 0.62],
  ['tablet', 0.08],
  ['desktop', 0.3],
]
const RETURNING = { account: 0.85, support: 0.7, confirmation: 0.4 }

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

const pick = (rnd, shares) => {
  let r = rnd()
  for (const [value, share] of shares) if ((r -= share) < 0) return value
  return shares[shares.length - 1][0]
}

/** A page's address as the widget sends it: no query string, no fragment. */
const pageUrl = (origin, path) => origin + path.replace(/[?#].*$/, '')

/**
 * About 590 answers over the 28 days before `now`, and the displays behind them: a `shown` display for every answer (which names
 * it), more `shown` displays for the surveys nobody answered, some of them `dismissed` a few
 * seconds later. Device and visitor on every one. Displays come from a second seeded PRNG, so
 * the answers are the same as before displays existed. Ids come from the seed too, so seeding
 * an already seeded database adds nothing (the collector ignores ids it holds).
 */
export function seedData({ seed = 20261123, now = Date.now(), origin = 'http://localhost:8080' } = {}) {
  const rnd = random(seed)
  const extra = random(seed + 1)
  const answers = []
  const displays = []
  const traits = (touchpoint) => ({
    device: pick(extra, DEVICES),
    visitor: extra() < (RETURNING[touchpoint] ?? 0.3) ? 'returning' : 'new',
  })
  const display = (event, survey, at) => ({ id: uuid(extra), event, ...survey, at })
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
      const at = new Date(now - Math.floor(rnd() * 28 * 86_400_000) - 60_000).toISOString()
      const survey = {
        survey: kind === 'ces' ? 'checkout-effort' : kind,
        kind,
        stage: STAGE[touchpoint],
        touchpoint,
        url: pageUrl(origin, prof.page(paths(lang), vi)),
        locale: lang,
        ...traits(touchpoint),
      }
      // An answer's `at` is when its survey was shown: the display shares it.
      const shown = display('shown', survey, at)
      displays.push(shown)
      answers.push({
        id: uuid(rnd),
        ...survey,
        score,
        comment,
        emotion: kind === 'emotion' ? EMOTIONS[score - 1] : null,
        at,
        display: shown.id,
      })
    }
    const [answered, closed] = RATES[touchpoint]
    const unanswered = Math.round(prof.n / answered) - prof.n
    for (let i = 0; i < unanswered; i++) {
      const lang = extra() < 0.6 ? 'vi' : 'en'
      const roll = extra()
      const kind = prof.ces && roll < 0.12 ? 'ces' : roll < 0.5 ? 'csat' : roll < 0.78 ? 'emotion' : 'nps'
      const survey = {
        survey: kind === 'ces' ? 'checkout-effort' : kind,
        kind,
        stage: STAGE[touchpoint],
        touchpoint,
        url: pageUrl(origin, prof.page(paths(lang), lang === 'vi')),
        locale: lang,
        ...traits(touchpoint),
      }
      const shownAt = now - Math.floor(extra() * 28 * 86_400_000) - 60_000
      displays.push(display('shown', survey, new Date(shownAt).toISOString()))
      if (extra() < closed)
        displays.push(
          display('dismissed', survey, new Date(shownAt + 2000 + Math.floor(extra() * 20_000)).toISOString()),
        )
    }
  }
  const byTime = (a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)
  return { answers: answers.sort(byTime), displays: displays.sort(byTime) }
}
