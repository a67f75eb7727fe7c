import type { Emotion, Stage, SurveyKind, Touchpoint } from '../shared/types.js'

export type ReportLanguage = 'en' | 'vi'

export interface ReportWords {
  title: string
  subtitle: string
  answers: string
  allTime: string
  from: string
  to: string
  apply: string
  csv: string
  csat: string
  satisfied: string
  nps: string
  promoters: string
  detractors: string
  emotion: string
  ces: string
  index: string
  noAnswers: string
  notEnough: string
  fixFirst: string
  fixFirstWhy: (index: string, negative: string) => string
  noWeakest: string
  curve: string
  comments: string
  noComments: string
  when: string
  where: string
  score: string
  comment: string
  rule: string
  stages: Record<Stage, string>
  touchpoints: Record<Touchpoint, string>
  emotions: Record<Emotion, string>
  kinds: Record<SurveyKind, string>
}

export const WORDS: Record<ReportLanguage, ReportWords> = {
  en: {
    title: 'Customer journey map',
    subtitle: 'Satisfaction, NPS and emotion at every stage and touchpoint of the store',
    answers: 'answers',
    allTime: 'all time',
    from: 'From',
    to: 'To',
    apply: 'Apply',
    csv: 'Export CSV',
    csat: 'CSAT',
    satisfied: 'satisfied',
    nps: 'NPS',
    promoters: 'promoters',
    detractors: 'detractors',
    emotion: 'Emotion',
    ces: 'Effort (CES)',
    index: 'Satisfaction index',
    noAnswers: 'No answers yet',
    notEnough: 'not enough answers',
    fixFirst: 'Fix first',
    fixFirstWhy: (index, negative) => `Lowest satisfaction index on the journey (${index}/100); ${negative} of emotions were frustrated or disappointed.`,
    noWeakest: 'No touchpoint has enough answers yet to name the weakest one.',
    curve: 'Satisfaction across the journey',
    comments: 'Recent comments',
    noComments: 'No comments yet.',
    when: 'When',
    where: 'Touchpoint',
    score: 'Score',
    comment: 'Comment',
    rule: 'How the weakest touchpoint is chosen',
    stages: { awareness: 'Awareness', consideration: 'Consideration', decision: 'Decision', purchase: 'Purchase', retention: 'Retention' },
    touchpoints: {
      home: 'Home', listing: 'Category', search: 'Search', product: 'Product page', cart: 'Cart', checkout: 'Checkout',
      confirmation: 'Order confirmation', account: 'Account & orders', support: 'Support', content: 'Blog & content', other: 'Other pages',
    },
    emotions: { frustrated: 'Frustrated', disappointed: 'Disappointed', neutral: 'Neutral', pleased: 'Pleased', delighted: 'Delighted' },
    kinds: { csat: 'CSAT', nps: 'NPS', emotion: 'Emotion', ces: 'CES' },
  },
  vi: {
    title: 'Bản đồ hành trình khách hàng',
    subtitle: 'Mức hài lòng, NPS và cảm xúc ở từng giai đoạn và điểm chạm của cửa hàng',
    answers: 'câu trả lời',
    allTime: 'toàn bộ thời gian',
    from: 'Từ',
    to: 'Đến',
    apply: 'Lọc',
    csv: 'Xuất CSV',
    csat: 'CSAT',
    satisfied: 'hài lòng',
    nps: 'NPS',
    promoters: 'ủng hộ',
    detractors: 'phản đối',
    emotion: 'Cảm xúc',
    ces: 'Mức nỗ lực (CES)',
    index: 'Chỉ số hài lòng',
    noAnswers: 'Chưa có câu trả lời',
    notEnough: 'chưa đủ câu trả lời',
    fixFirst: 'Cần cải thiện trước',
    fixFirstWhy: (index, negative) => `Chỉ số hài lòng thấp nhất trên hành trình (${index}/100); ${negative} cảm xúc là bực bội hoặc thất vọng.`,
    noWeakest: 'Chưa điểm chạm nào đủ câu trả lời để xác định điểm yếu nhất.',
    curve: 'Mức hài lòng qua hành trình',
    comments: 'Nhận xét gần đây',
    noComments: 'Chưa có nhận xét.',
    when: 'Thời gian',
    where: 'Điểm chạm',
    score: 'Điểm',
    comment: 'Nhận xét',
    rule: 'Cách chọn điểm chạm yếu nhất',
    stages: { awareness: 'Nhận biết', consideration: 'Cân nhắc', decision: 'Quyết định', purchase: 'Mua hàng', retention: 'Gắn bó' },
    touchpoints: {
      home: 'Trang chủ', listing: 'Danh mục', search: 'Tìm kiếm', product: 'Trang sản phẩm', cart: 'Giỏ hàng', checkout: 'Thanh toán',
      confirmation: 'Xác nhận đơn hàng', account: 'Tài khoản & đơn hàng', support: 'Hỗ trợ', content: 'Blog & nội dung', other: 'Trang khác',
    },
    emotions: { frustrated: 'Bực bội', disappointed: 'Thất vọng', neutral: 'Bình thường', pleased: 'Hài lòng', delighted: 'Rất vui' },
    kinds: { csat: 'CSAT', nps: 'NPS', emotion: 'Cảm xúc', ces: 'CES' },
  },
}

export const RULE_TEXT: Record<ReportLanguage, (minN: number) => string> = {
  en: (n) =>
    `Each measure with at least ${n} answers at a touchpoint is scaled to 0–100 (CSAT (avg − 1) / 4, NPS (score + 100) / 2, ` +
    'emotion (avg − 1) / 4) and the satisfaction index is their mean. The weakest touchpoint has the lowest index ' +
    '(ties: more answers first, then earlier in the journey). ' +
    'CSAT satisfied = answers of 4 or 5. NPS = % promoters (9–10) − % detractors (0–6).',
  vi: (n) =>
    `Mỗi thước đo có ít nhất ${n} câu trả lời tại một điểm chạm được quy về thang 0–100 (CSAT (TB − 1) / 4, NPS (điểm + 100) / 2, ` +
    'cảm xúc (TB − 1) / 4); chỉ số hài lòng là trung bình của chúng. Điểm chạm yếu nhất có chỉ số thấp nhất ' +
    '(bằng nhau: ưu tiên nơi nhiều câu trả lời hơn, rồi nơi sớm hơn trên hành trình). ' +
    'CSAT hài lòng = điểm 4 hoặc 5. NPS = % người ủng hộ (9–10) − % người phản đối (0–6).',
}
