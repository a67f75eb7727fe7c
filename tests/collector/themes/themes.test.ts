// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { filterComments, parseCommentFilter } from '../../../src/collector/report-comments'
import { foldText } from '../../../src/collector/themes/fold'
import { phrasesOf } from '../../../src/collector/themes/extract'
import { synonymTable } from '../../../src/collector/themes/synonyms'
import { themesOf } from '../../../src/collector/themes/themes'
import type { Comment } from '../../../src/collector/storage'

let next = 0
const comment = (text: string, locale: string, score = 1, touchpoint: Comment['touchpoint'] = 'checkout'): Comment => ({
  id: String(next++),
  at: `2026-11-2${next % 10}T10:00:00.000Z`,
  stage: 'decision',
  touchpoint,
  kind: 'csat',
  score,
  emotion: null,
  comment: text,
  locale,
})

describe('foldText', () => {
  it('drops accents and tone marks, and đ becomes d', () => {
    expect(foldText('Phí vận chuyển, ĐẮT quá!')).toBe('phi van chuyen dat qua')
    expect(foldText('phí ship')).toBe(foldText('phi ship'))
    expect(foldText('Đổi size dễ dàng')).toBe('doi size de dang')
  })
})

describe('phrasesOf', () => {
  it('finds a synonym as its theme and keeps Vietnamese to two-word phrases', () => {
    expect(phrasesOf('Phí vận chuyển hiện ở bước cuối', 'vi', synonymTable())).toEqual(['shipping fee', 'buoc cuoi'])
    expect(phrasesOf('The shipping fee only appears at the last step', 'en', synonymTable())).toEqual([
      'shipping fee',
      'appears',
    ])
  })
})

describe('themesOf', () => {
  const comments = [
    comment('Phí ship chỉ hiện ở bước cuối cùng', 'vi'),
    comment('phi ship dat qua', 'vi', 2),
    comment('Shipping fee only appears at the last step', 'en'),
    comment('Phí vận chuyển cao', 'vi', 4),
    comment('Card payment failed twice', 'en'),
    comment('Thanh toán thẻ bị lỗi hai lần', 'vi'),
    comment('Love the colours', 'en', 5, 'product'),
  ]
  const themes = themesOf(comments)

  it('joins "phí ship", "phi ship", "shipping fee" and "phí vận chuyển" into one theme', () => {
    const shipping = themes.find((t) => t.key === 'shipping fee')!
    expect(shipping).toMatchObject({ touchpoint: 'checkout', count: 4, low_share: 0.75 })
    expect(shipping.wordings).toEqual(
      expect.arrayContaining(['phí ship', 'phi ship', 'shipping fee', 'phí vận chuyển']),
    )
    expect(shipping.examples.map((c) => c.score)).toEqual([1, 1, 2])
  })

  it('joins card payment across the two languages, and makes no theme of one comment', () => {
    expect(themes.find((t) => t.key === 'card payment')).toMatchObject({ count: 2, low_share: 1 })
    expect(themes.filter((t) => t.touchpoint === 'product')).toEqual([])
  })

  it('does not repeat a theme as its parts ("zipper" and "broke" next to "zipper broke")', () => {
    const zipper = ['The zipper broke', 'zipper broke again', 'My zipper broke after a week'].map((text) =>
      comment(text, 'en', 2, 'account'),
    )
    expect(themesOf(zipper).map((t) => t.key)).toEqual(['zipper broke'])
    expect(themes.filter((t) => t.touchpoint === 'checkout').length).toBeLessThanOrEqual(5)
  })

  it('filters comments by touchpoint, score group, theme and accent-free search', () => {
    expect(
      filterComments(comments, parseCommentFilter(new URLSearchParams('theme=shipping fee&group=low'))).map(
        (c) => c.comment,
      ),
    ).toEqual(['Phí ship chỉ hiện ở bước cuối cùng', 'phi ship dat qua', 'Shipping fee only appears at the last step'])
    expect(
      filterComments(comments, parseCommentFilter(new URLSearchParams('q=thanh toan the'))).map((c) => c.comment),
    ).toEqual(['Thanh toán thẻ bị lỗi hai lần'])
    expect(
      filterComments(comments, parseCommentFilter(new URLSearchParams('touchpoint=product&group=high'))).length,
    ).toBe(1)
    expect(() => parseCommentFilter(new URLSearchParams('group=angry'))).toThrow(
      /group must be low, neutral or high, not "angry"/,
    )
  })
})
