import type { SurveyStrings } from '../shared/survey-strings.js'
import type { SurveyKind, Touchpoint } from '../shared/types.js'

/** Every word the survey shows or announces, per built-in locale. */
export type Strings = SurveyStrings

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
  own ||
  (touchpoint && (t.questionAt as Record<string, Partial<Record<SurveyKind, string>>>)[touchpoint]?.[kind]) ||
  t.question[kind]

/** The built-in strings for a resolved locale, or undefined for a locale without built-in wording. */
export const builtInStrings = (locale: string): Strings | undefined =>
  locale == 'vi' ? vi : locale == 'en' ? en : undefined

/** The strings for a resolved locale; English for anything else. */
export const stringsFor = (locale: string): Strings => builtInStrings(locale) || en

/**
 * Which follow-up a score gets: 0 low, 1 middling, 2 high.
 * NPS: detractor 0–6, passive 7–8, promoter 9–10; CES: 1–3, 4–5, 6–7; 1–5 scales: 1–2, 3, 4–5.
 * @example scoreGroup('nps', 8) // 1
 */
export function scoreGroup(kind: SurveyKind, score: number): 0 | 1 | 2 {
  const [low, mid] = kind == 'nps' ? [6, 8] : kind == 'ces' ? [3, 5] : [2, 3]
  return score <= low ? 0 : score <= mid ? 1 : 2
}
