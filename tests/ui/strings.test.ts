import { describe, expect, it } from 'vitest'
import { questionFor, stringsFor } from '../../src/ui/strings'

describe('questionFor', () => {
  const en = stringsFor('en')
  const vi = stringsFor('vi')

  it('words the question for the touchpoint where one fits', () => {
    expect(questionFor(en, 'csat', 'confirmation')).toBe('How satisfied are you with your purchase?')
    expect(questionFor(en, 'ces', 'checkout')).toBe('How easy was it to pay for your order?')
    expect(questionFor(vi, 'emotion', 'product')).toBe('Bạn cảm thấy thế nào về trang sản phẩm này?')
  })

  it('falls back to the general question of the kind elsewhere, or without a touchpoint', () => {
    expect(questionFor(en, 'nps', 'home')).toBe(en.question.nps)
    expect(questionFor(en, 'csat')).toBe(en.question.csat)
  })

  it("lets the store's own wording win", () => {
    expect(questionFor(en, 'csat', 'confirmation', 'Did we get it right?')).toBe('Did we get it right?')
  })

  it('has a Vietnamese wording for every English touchpoint question', () => {
    for (const [touchpoint, questions] of Object.entries(en.questionAt))
      expect(Object.keys(vi.questionAt[touchpoint as keyof typeof vi.questionAt] ?? {}).sort()).toEqual(
        Object.keys(questions).sort(),
      )
  })
})
