import { foldedWords } from './fold.js'
import { STOP_WORDS } from './stop-words.js'
import type { synonymTable } from './synonyms.js'

type Synonyms = ReturnType<typeof synonymTable>

/**
 * The candidate phrases of one comment, folded: each synonym phrase it contains (as its theme
 * key), then the one- and two-word phrases of what is left that hold no stop word. Vietnamese
 * words are single syllables ("phí", "ship"), so a Vietnamese comment offers only two-word
 * phrases; English one-word phrases need three letters. Each phrase counts once per comment.
 *
 * @example
 * phrasesOf('Phí vận chuyển hiện ở bước cuối', 'vi', synonymTable()) // → ['shipping fee', 'buoc cuoi'] (ở is a stop word)
 */
export function phrasesOf(comment: string, locale: string, synonyms: Synonyms): string[] {
  const words = foldedWords(comment)
  const found = new Set<string>()
  const used = new Array<boolean>(words.length).fill(false)
  // Most synonyms share no word with a comment: looking for them only where their first word is
  // saves most of the report's theme work (2,000 comments × every synonym, on every report).
  const present = new Set(words)
  for (const { phrase, key } of synonyms) {
    if (!present.has(phrase[0])) continue
    for (let start = 0; start + phrase.length <= words.length; start++) {
      if (phrase.every((word, i) => words[start + i] === word && !used[start + i])) {
        found.add(key)
        for (let i = 0; i < phrase.length; i++) used[start + i] = true
      }
    }
  }
  const vietnamese = locale.toLowerCase().startsWith('vi')
  const open = (i: number) => i < words.length && !used[i] && !STOP_WORDS.has(words[i]) && !/^\d+$/.test(words[i])
  for (let i = 0; i < words.length; i++) {
    if (!open(i)) continue
    if (!vietnamese && words[i].length >= 3) found.add(words[i])
    if (open(i + 1)) found.add(`${words[i]} ${words[i + 1]}`)
  }
  return [...found]
}
