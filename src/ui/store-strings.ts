import type { SurveyRequest, UiHost } from '../shared/contract.js'
import { builtInStrings, stringsFor, type Strings } from './strings.js'

type Table = Record<string, unknown>

// Own keys only: a page's polluted Object.prototype must not supply wording.
const own = (object: unknown, key: string): unknown =>
  object && typeof object == 'object' && Object.prototype.hasOwnProperty.call(object, key)
    ? (object as Table)[key]
    : undefined

/** Whether a supplied value can stand in for the built-in one: a string, or as many strings as the tuple holds. */
const fits = (value: unknown, builtIn: unknown): boolean =>
  typeof builtIn == 'string'
    ? typeof value == 'string'
    : Array.isArray(value) &&
      value.length == (builtIn as string[]).length &&
      value.every((item) => typeof item == 'string')

/**
 * The store's strings over `fallback`, key by key, and the dotted keys that `fallback` filled in
 * (`send`, `ends.nps`, `questionAt.confirmation.csat`). Where the store words a kind's general
 * question but not its touchpoint wording, its own question asks there: a French survey should
 * not switch to English on the thank-you page. Keys the UI does not use are not read.
 *
 * @example
 * mergeStrings(stringsFor('en'), { send: 'Envoyer' }).strings.send // 'Envoyer'
 */
export function mergeStrings(fallback: Strings, supplied: unknown): { strings: Strings; missing: string[] } {
  const missing: string[] = []
  const merge = (builtIn: Table, given: unknown, path: string): Table => {
    const merged: Table = {}
    for (const key of Object.keys(builtIn)) {
      const value = own(given, key)
      const standIn = builtIn[key]
      if (standIn && typeof standIn == 'object' && !Array.isArray(standIn))
        merged[key] = merge(standIn as Table, value, path + key + '.')
      else if (fits(value, standIn)) merged[key] = value
      else if (!/^questionAt\./.test(path) || typeof own(own(supplied, 'question'), key) != 'string') {
        merged[key] = standIn
        missing.push(path + key)
      }
    }
    return merged
  }
  return { strings: merge(fallback as unknown as Table, supplied, '') as unknown as Strings, missing }
}

// The store's strings object last warned about: its missing keys are said once per page, not per survey.
let warnedAbout: object | undefined

/**
 * The wording of one survey: the built-in strings of its locale, under the store's own where it
 * supplies them. For a locale without built-in wording, English stands in for each key the
 * store left out, with one warning (through the loader's diagnostics) naming those keys.
 *
 * @example
 * surveyStrings({ locale: 'fr', strings: { send: 'Envoyer' } }, host).send // 'Envoyer'
 */
export function surveyStrings(request: Pick<SurveyRequest, 'locale' | 'strings'>, host: Pick<UiHost, 'warn'>): Strings {
  const builtIn = builtInStrings(request.locale)
  if (!request.strings) return stringsFor(request.locale)
  const { strings, missing } = mergeStrings(builtIn || stringsFor('en'), request.strings)
  // An older loader has no warn: the survey still shows, in the store's words and English.
  if (!builtIn && missing.length && host.warn && warnedAbout != request.strings) {
    warnedAbout = request.strings
    host.warn({ code: 'missing-strings', locale: request.locale, keys: missing })
  }
  return strings
}
