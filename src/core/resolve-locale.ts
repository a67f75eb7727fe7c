/** Languages with built-in wording. */
export const LOCALES = ['en', 'vi']

/**
 * The survey language: the configured one, else `<html lang>`, else the browser's, reduced to a
 * built-in language by its base (`vi-VN` → `vi`); English when nothing matches.
 */
export function resolveLocale(win: Window, configured: string | null): string {
  const tags = [configured, win.document.documentElement.lang, win.navigator.language]
  for (const tag of tags) {
    const base = (tag || '').toLowerCase().split(/[-_]/)[0]
    if (LOCALES.indexOf(base) >= 0) return base
  }
  return 'en'
}
