/**
 * Text as the themes compare it: lower case, accents and tone marks dropped (NFD, then every
 * combining mark removed; `đ` → `d`, which has no decomposition), anything but letters and
 * digits a space. "Phí ship!" and "phi ship" fold alike.
 *
 * @example
 * foldText('Phí vận chuyển, ĐẮT quá') // → 'phi van chuyen dat qua'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The folded words of a text. */
export const foldedWords = (text: string): string[] => {
  const folded = foldText(text)
  return folded ? folded.split(' ') : []
}
