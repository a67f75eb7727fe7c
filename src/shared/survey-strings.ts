import type { SurveyKind } from './types.js'

/**
 * Every text and label the survey shows or announces. The UI has them in English and
 * Vietnamese; a store supplies them for any other language with the `strings` option (or
 * `data-config`'s `"strings"`), English standing in for each one it leaves out.
 *
 * @example
 * init({ endpoint: '/collect', locale: 'fr', strings: { send: 'Envoyer', thanks: 'Merci !', close: 'Fermer' } })
 */
export interface SurveyStrings {
  /** The question per kind, where neither the `questions` option nor `questionAt` words it. */
  question: Record<SurveyKind, string>
  /**
   * Wording that fits a touchpoint better than the general question: the thank-you page asks
   * about the purchase, the checkout about the effort of paying. The store's own wording wins.
   */
  questionAt: {
    confirmation: { csat: string; ces: string }
    checkout: { ces: string; csat: string }
    cart: { ces: string }
    product: { emotion: string; csat: string }
    listing: { emotion: string }
    search: { csat: string }
    account: { nps: string }
    support: { csat: string; ces: string }
  }
  /** Labels of the two ends of each numeric scale, low end first. */
  ends: Record<Exclude<SurveyKind, 'emotion'>, [low: string, high: string]>
  /** Names of the five emotion faces, score 1–5: frustrated, disappointed, neutral, pleased, delighted. */
  faces: [string, string, string, string, string]
  /** Follow-up question after a low, a middling and a high score. */
  followUp: [low: string, middle: string, high: string]
  /** Marks the follow-up as optional, e.g. `(optional)`. */
  optional: string
  /** The follow-up's send button. */
  send: string
  /** Shown after an answer. */
  thanks: string
  /** Accessible name of the close button. */
  close: string
}

/** What a store supplies: any of the strings, each group in part (a tuple as a whole). */
export type SuppliedStrings = {
  [Key in keyof SurveyStrings]?: SurveyStrings[Key] extends string | string[]
    ? SurveyStrings[Key]
    : { [Part in keyof SurveyStrings[Key]]?: SurveyStrings[Key][Part] }
}
