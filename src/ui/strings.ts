import type { SurveyKind, Touchpoint } from '../shared/types.js'

/** Every word the survey shows or announces, per built-in locale. */
export interface Strings {
  question: Record<SurveyKind, string>
  /**
   * Wording that fits a touchpoint better than the general question: the thank-you page asks
   * about the purchase, the checkout about the effort of paying. A store's own wording wins.
   */
  questionAt: Partial<Record<Touchpoint, Partial<Record<SurveyKind, string>>>>
  /** Labels of the two ends of each numeric scale. */
  ends: Record<Exclude<SurveyKind, 'emotion'>, [string, string]>
  /** The five faces, score 1–5. */
  faces: [string, string, string, string, string]
  /** Follow-up question for a low, middling and high score. */
  followUp: [string, string, string]
  optional: string
  send: string
  thanks: string
  close: string
}

const en: Strings = {
  question: {
    csat: 'How satisfied are you with your experience today?',
    nps: 'How likely are you to recommend us to a friend?',
    emotion: 'How do you feel about your visit so far?',
    ces: 'How easy was it to do what you came for?',
  },
  questionAt: {
    confirmation: { csat: 'How satisfied are you with your purchase?', ces: 'How easy was it to place your order?' },
    checkout: { ces: 'How easy was it to pay for your order?', csat: 'How satisfied are you with checking out?' },
    cart: { ces: 'How easy was it to get your cart ready?' },
    product: {
      emotion: 'How do you feel about this product page?',
      csat: 'How satisfied are you with this product page?',
    },
    listing: { emotion: 'How do you feel about browsing our products?' },
    search: { csat: 'How satisfied are you with these search results?' },
    account: { nps: 'How likely are you to recommend our store to a friend?' },
    support: {
      csat: 'How satisfied are you with the help you found?',
      ces: 'How easy was it to get the help you needed?',
    },
  },
  ends: {
    csat: ['Very dissatisfied', 'Very satisfied'],
    nps: ['Not at all likely', 'Extremely likely'],
    ces: ['Very difficult', 'Very easy'],
  },
  faces: ['Frustrated', 'Disappointed', 'Neutral', 'Pleased', 'Delighted'],
  followUp: ['What went wrong?', 'What would make it better?', 'What did you like most?'],
  optional: '(optional)',
  send: 'Send',
  thanks: 'Thank you!',
  close: 'Close',
}

const vi: Strings = {
  question: {
    csat: 'Bạn hài lòng với trải nghiệm hôm nay đến mức nào?',
    nps: 'Bạn sẵn lòng giới thiệu chúng tôi với bạn bè ở mức nào?',
    emotion: 'Bạn cảm thấy thế nào về lần ghé thăm này?',
    ces: 'Bạn thấy việc hoàn tất điều mình cần dễ dàng đến mức nào?',
  },
  questionAt: {
    confirmation: {
      csat: 'Bạn hài lòng với lần mua hàng này đến mức nào?',
      ces: 'Bạn thấy việc đặt hàng dễ dàng đến mức nào?',
    },
    checkout: {
      ces: 'Bạn thấy việc thanh toán đơn hàng dễ dàng đến mức nào?',
      csat: 'Bạn hài lòng với bước thanh toán đến mức nào?',
    },
    cart: { ces: 'Bạn thấy việc chuẩn bị giỏ hàng dễ dàng đến mức nào?' },
    product: {
      emotion: 'Bạn cảm thấy thế nào về trang sản phẩm này?',
      csat: 'Bạn hài lòng với trang sản phẩm này đến mức nào?',
    },
    listing: { emotion: 'Bạn cảm thấy thế nào khi xem các sản phẩm của chúng tôi?' },
    search: { csat: 'Bạn hài lòng với kết quả tìm kiếm này đến mức nào?' },
    account: { nps: 'Bạn sẵn lòng giới thiệu cửa hàng chúng tôi với bạn bè ở mức nào?' },
    support: {
      csat: 'Bạn hài lòng với sự hỗ trợ nhận được đến mức nào?',
      ces: 'Bạn thấy việc nhận được hỗ trợ dễ dàng đến mức nào?',
    },
  },
  ends: {
    csat: ['Rất không hài lòng', 'Rất hài lòng'],
    nps: ['Hoàn toàn không sẵn lòng', 'Rất sẵn lòng'],
    ces: ['Rất khó', 'Rất dễ'],
  },
  faces: ['Bực bội', 'Thất vọng', 'Bình thường', 'Hài lòng', 'Rất vui'],
  followUp: ['Điều gì chưa ổn?', 'Điều gì sẽ giúp tốt hơn?', 'Bạn thích điều gì nhất?'],
  optional: '(không bắt buộc)',
  send: 'Gửi',
  thanks: 'Cảm ơn bạn!',
  close: 'Đóng',
}

/**
 * The question a survey asks: the store's own wording, else the one that fits the touchpoint,
 * else the general one for its kind.
 * @example questionFor(stringsFor('en'), 'csat', 'confirmation') // 'How satisfied are you with your purchase?'
 */
export const questionFor = (t: Strings, kind: SurveyKind, touchpoint?: Touchpoint, own?: string): string =>
  own || (touchpoint && t.questionAt[touchpoint]?.[kind]) || t.question[kind]

/** The strings for a resolved locale; English for anything else. */
export const stringsFor = (locale: string): Strings => (locale == 'vi' ? vi : en)

/**
 * Score range per kind, inclusive. The same table as shared/vocabulary.ts RANGE (a test keeps them
 * equal): importing that module here would make the npm entry a facade over a shared chunk.
 */
export const RANGE: Record<SurveyKind, [number, number]> = { csat: [1, 5], nps: [0, 10], emotion: [1, 5], ces: [1, 7] }

/**
 * Which follow-up a score gets: 0 low, 1 middling, 2 high.
 * NPS: detractor 0–6, passive 7–8, promoter 9–10; CES: 1–3, 4–5, 6–7; 1–5 scales: 1–2, 3, 4–5.
 * @example scoreGroup('nps', 8) // 1
 */
export function scoreGroup(kind: SurveyKind, score: number): 0 | 1 | 2 {
  const [low, mid] = kind == 'nps' ? [6, 8] : kind == 'ces' ? [3, 5] : [2, 3]
  return score <= low ? 0 : score <= mid ? 1 : 2
}
