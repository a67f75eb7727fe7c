import { TOUCHPOINTS } from '../../shared/vocabulary.js'
import type { Touchpoint } from '../../shared/types.js'
import { isLowScore } from '../report-vocabulary.js'
import { round } from '../report-figures.js'
import { wilson, type Interval } from '../stats/intervals.js'
import { runToEnd, type Steps } from '../report-slices.js'
import type { Comment } from '../storage/index.js'
import { phrasesOf } from './extract.js'
import { foldText } from './fold.js'
import { synonymTable } from './synonyms.js'

/** Themes are drawn from at most this many comments, the newest, so the report's work stays bounded. */
export const THEME_COMMENTS = 2000
/** At most this many themes per touchpoint, each from at least `MIN_MENTIONS` comments. */
export const THEMES_PER_TOUCHPOINT = 5
export const MIN_MENTIONS = 2

export interface Theme {
  touchpoint: Touchpoint
  /** Folded key: what `?theme=` filters by. */
  key: string
  /** The wordings shoppers used, most frequent first, as written ("phí ship", "Shipping fee"). */
  wordings: string[]
  /** Comments that mention it. */
  count: number
  /** Share of those comments given with a low score (0–1), with its Wilson interval. */
  low_share: number
  low_ci: Interval | null
  /** Up to three, lowest scores first. */
  examples: Comment[]
}

/**
 * Groups comments into themes per touchpoint, in English and Vietnamese, with no outside
 * service: phrases of one or two words without stop words, accents folded, synonyms joined
 * ("shipping fee", "phí ship", "phi ship" and "phí vận chuyển" are one theme). A phrase whose
 * comments are mostly those of a theme already chosen is dropped ("fee" under "shipping fee").
 *
 * @example
 * themesOf(comments).find((t) => t.key === 'shipping fee')?.count // → 3
 */
export function themesOf(comments: readonly Comment[], extraSynonyms: readonly string[][] = []): Theme[] {
  return runToEnd(themeSteps(comments, extraSynonyms))
}

/** `themesOf` as steps (report-slices.ts): it yields after each comment read and each theme made. */
export function* themeSteps(comments: readonly Comment[], extraSynonyms: readonly string[][] = []): Steps<Theme[]> {
  const synonyms = synonymTable(extraSynonyms)
  const themes: Theme[] = []
  for (const touchpoint of TOUCHPOINTS) {
    const mine = comments.filter((c) => c.touchpoint === touchpoint)
    if (!mine.length) continue
    const mentions = new Map<string, Set<number>>()
    for (const [index, c] of mine.entries()) {
      for (const phrase of phrasesOf(c.comment, c.locale, synonyms)) {
        const set = mentions.get(phrase) ?? new Set<number>()
        set.add(index)
        mentions.set(phrase, set)
      }
      yield
    }
    // Most comments first; on a tie the longer phrase, which says more.
    const ranked = [...mentions]
      .filter(([, set]) => set.size >= MIN_MENTIONS)
      .sort(
        (a, b) => b[1].size - a[1].size || b[0].split(' ').length - a[0].split(' ').length || (a[0] < b[0] ? -1 : 1),
      )
    const chosen: [string, Set<number>][] = []
    for (const [phrase, set] of ranked) {
      if (chosen.length >= THEMES_PER_TOUCHPOINT) break
      const covered = chosen.some(([, taken]) => overlap(set, taken) >= 0.6 * set.size)
      if (!covered) chosen.push([phrase, set])
    }
    for (const [key, set] of chosen) {
      const list = [...set].map((i) => mine[i])
      const low = list.filter((c) => isLowScore(c.kind, c.score)).length
      const ci = wilson(low, list.length)
      themes.push({
        touchpoint,
        key,
        wordings: wordingsOf(key, list, synonyms),
        count: list.length,
        low_share: round(low / list.length, 4),
        low_ci: ci && [round(ci[0], 4), round(ci[1], 4)],
        examples: firstDistinct(
          [...list].sort((a, b) => a.score - b.score || (a.at < b.at ? 1 : -1)),
          3,
        ),
      })
      yield
    }
  }
  return themes
}

/** Whether a comment belongs to a theme (the `?theme=` filter). */
export const mentions = (comment: Comment, key: string, extraSynonyms: readonly string[][] = []) =>
  phrasesOf(comment.comment, comment.locale, synonymTable(extraSynonyms)).includes(key)

// Shoppers repeat each other word for word; a quote is shown once. Each comment is folded once
// and only until `count` are found (comparing every pair folded a popular theme's hundreds of
// comments tens of thousands of times).
function firstDistinct(list: readonly Comment[], count: number): Comment[] {
  const seen = new Set<string>()
  const found: Comment[] = []
  for (const comment of list) {
    if (found.length === count) break
    const folded = foldText(comment.comment)
    if (seen.has(folded)) continue
    seen.add(folded)
    found.push(comment)
  }
  return found
}
const overlap = (a: Set<number>, b: Set<number>) => [...a].filter((i) => b.has(i)).length

// The words as shoppers wrote them: the stretch of each comment whose folded form is the key
// or one of its synonyms, counted and ordered by use.
function wordingsOf(key: string, list: readonly Comment[], synonyms: ReturnType<typeof synonymTable>): string[] {
  const phrases = [key.split(' '), ...synonyms.filter((s) => s.key === key).map((s) => s.phrase)]
  const counts = new Map<string, number>()
  for (const c of list) {
    const words = c.comment.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
    const folded = words.map(foldText)
    for (const phrase of phrases) {
      for (let start = 0; start + phrase.length <= folded.length; start++) {
        if (phrase.every((word, i) => folded[start + i] === word)) {
          const surface = words
            .slice(start, start + phrase.length)
            .join(' ')
            .toLowerCase()
          counts.set(surface, (counts.get(surface) ?? 0) + 1)
        }
      }
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([surface]) => surface)
    .slice(0, 4)
}
