import { describe, expect, it, vi } from 'vitest'
import type { Note } from '../../src/shared/contract'
import { FRENCH } from '../fixtures/french-strings'
import { formatNote } from '../../src/diagnostics/format-note'
import { mergeStrings, surveyStrings } from '../../src/ui/store-strings'
import { questionFor, stringsFor } from '../../src/ui/strings'

const en = stringsFor('en')
/** The French strings with some keys left out. */
const without = (...keys: string[]) => Object.fromEntries(Object.entries(FRENCH).filter(([key]) => !keys.includes(key)))

describe('mergeStrings', () => {
  it('takes a complete translation as it is, with nothing missing', () => {
    const { strings, missing } = mergeStrings(en, FRENCH)
    expect(strings).toEqual(FRENCH)
    expect(missing).toEqual([])
  })

  it('has a key in the SurveyStrings type for every string the UI has built in', () => {
    // The French table is typed SurveyStrings: a key the English table has and the type lacks would show up missing here.
    expect(mergeStrings(en, FRENCH).missing).toEqual([])
    expect(Object.keys(FRENCH.questionAt).sort()).toEqual(Object.keys(en.questionAt).sort())
  })

  it('fills each key left out with English and names it by its dotted path', () => {
    const partial = { ...without('send', 'thanks'), ends: { csat: FRENCH.ends.csat, ces: FRENCH.ends.ces } }
    const { strings, missing } = mergeStrings(en, partial)
    expect(missing).toEqual(['ends.nps', 'send', 'thanks'])
    expect(strings.send).toBe('Send')
    expect(strings.thanks).toBe('Thank you!')
    expect(strings.ends.nps).toEqual(['Not at all likely', 'Extremely likely'])
    expect(strings.ends.csat).toEqual(['Très insatisfait', 'Très satisfait'])
    expect(strings.close).toBe('Fermer')
  })

  it('asks the store’s general question on a touchpoint it has no wording for, not the English touchpoint question', () => {
    const { questionAt, ...rest } = FRENCH
    const { strings, missing } = mergeStrings(en, { ...rest, questionAt: { checkout: questionAt.checkout } })
    expect(missing).toEqual([])
    expect(questionFor(strings, 'csat', 'confirmation')).toBe('Êtes-vous satisfait de votre visite ?')
    expect(questionFor(strings, 'ces', 'checkout')).toBe('Payer était-il facile ?')
    // Without the general question either, both are English and both are named.
    const { strings: bare, missing: bareMissing } = mergeStrings(en, { send: 'Envoyer' })
    expect(questionFor(bare, 'csat', 'confirmation')).toBe('How satisfied are you with your purchase?')
    expect(bareMissing).toContain('question.csat')
    expect(bareMissing).toContain('questionAt.confirmation.csat')
  })

  it('counts a value of the wrong shape as missing: a number, a tuple of the wrong length, a group as a string', () => {
    const { strings, missing } = mergeStrings(en, {
      ...FRENCH,
      send: 42,
      faces: ['Frustré', 'Ravi'],
      followUp: [1, 2, 3],
      question: 'Quoi ?',
    })
    expect(missing).toEqual([
      'question.csat',
      'question.nps',
      'question.emotion',
      'question.ces',
      'faces',
      'followUp',
      'send',
    ])
    expect(strings.faces).toEqual(en.faces)
    expect(strings.send).toBe('Send')
    expect(strings.question.nps).toBe(en.question.nps)
  })

  it('never reads wording from a polluted Object.prototype, nor keys the UI does not use', () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.send = 'Hacked'
    try {
      const { strings, missing } = mergeStrings(en, JSON.parse('{"__proto__": {"thanks": "x"}, "sned": "Envoyer"}'))
      expect(strings.send).toBe('Send')
      expect(strings.thanks).toBe('Thank you!')
      expect(missing).toContain('send')
      expect(Object.keys(strings)).toEqual(Object.keys(en))
    } finally {
      delete proto.send
    }
  })
})

describe('surveyStrings', () => {
  it('uses the built-in wording when the store supplies none', () => {
    const warn = vi.fn()
    expect(surveyStrings({ locale: 'vi' }, { warn })).toBe(stringsFor('vi'))
    expect(warn).not.toHaveBeenCalled()
  })

  it('warns once per page, through the diagnostics wording, naming the keys English stands in for', () => {
    const notes: Note[] = []
    const warn = (note: Note) => notes.push(note)
    const strings = without('send', 'close')
    surveyStrings({ locale: 'fr', strings }, { warn })
    surveyStrings({ locale: 'fr', strings }, { warn }) // a second survey on the same page
    expect(notes.map(formatNote)).toEqual([
      'touchpoint: the strings for fr leave out send, close; using English for these',
    ])
  })

  it('words a single missing key in the singular', () => {
    const notes: Note[] = []
    const strings = without('thanks')
    expect(surveyStrings({ locale: 'fr-CA', strings }, { warn: (note) => notes.push(note) }).thanks).toBe('Thank you!')
    expect(notes.map(formatNote)).toEqual(['touchpoint: the strings for fr-CA leave out thanks; using English for it'])
  })

  it('lets a store reword a built-in language in part without a warning: the rest stays in that language', () => {
    const warn = vi.fn()
    const strings = surveyStrings({ locale: 'vi', strings: { send: 'Gửi ngay' } }, { warn })
    expect(strings.send).toBe('Gửi ngay')
    expect(strings.thanks).toBe('Cảm ơn bạn!')
    expect(warn).not.toHaveBeenCalled()
  })

  it('still shows the store’s words and English under an older loader that has no warn', () => {
    expect(surveyStrings({ locale: 'fr', strings: { send: 'Envoyer' } }, {}).send).toBe('Envoyer')
  })
})
