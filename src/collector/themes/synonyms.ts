import { foldText } from './fold.js'

// Phrases that name one theme in either language. The first of each list is the theme's key.
// Small on purpose (a store extends it with `extraSynonyms`); the folding already joins
// spellings with and without accents, this joins different words for one thing.
const GROUPS: readonly string[][] = [
  [
    'shipping fee',
    'shipping cost',
    'delivery fee',
    'delivery cost',
    'phí ship',
    'phí vận chuyển',
    'phí giao hàng',
    'tiền ship',
  ],
  ['delivery time', 'delivery date', 'ngày giao', 'thời gian giao', 'giao hàng chậm', 'slow delivery', 'late delivery'],
  ['coupon', 'discount code', 'promo code', 'voucher', 'mã giảm giá', 'mã khuyến mãi'],
  ['card payment', 'payment failed', 'thanh toán thẻ', 'lỗi thanh toán'],
  ['size chart', 'size guide', 'bảng size', 'bảng kích thước'],
  ['search without accents', 'without accents', 'không dấu'],
  ['search', 'searching', 'tìm kiếm'],
  ['filter', 'bộ lọc', 'lọc'],
  ['form', 'nhập lại', 'type again', 'too many fields'],
  ['e-wallet', 'momo', 'zalopay', 'vnpay'],
  ['photos', 'photo', 'ảnh', 'hình ảnh', 'pictures'],
  ['order tracking', 'where my parcel', 'đơn đang ở đâu', 'track my order', 'theo dõi đơn'],
  ['waiting for an answer', 'waited', 'chờ', 'trả lời chậm'],
]

/** Folded phrase → theme key, longest phrases first so "phi van chuyen" wins over "van chuyen". */
export function synonymTable(extra: readonly string[][] = []): { phrase: string[]; key: string }[] {
  const table: { phrase: string[]; key: string }[] = []
  for (const group of [...GROUPS, ...extra]) {
    const key = foldText(group[0])
    for (const phrase of group) table.push({ phrase: foldText(phrase).split(' '), key })
  }
  return table.sort((a, b) => b.phrase.length - a.phrase.length)
}
