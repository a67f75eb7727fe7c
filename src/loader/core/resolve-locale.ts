/** Languages with built-in wording. */
export const LOCALES = ['en', 'vi']

/** The built-in language a tag stands for by its base (`vi-VN` → `vi`), or `undefined`. */
export const builtInLocale = (tag: string | null | undefined): string | undefined => {
  const base = (tag || '').toLowerCase().split(/[-_]/)[0]
  return LOCALES.indexOf(base) >= 0 ? base : undefined
}

/**
 * The survey language: the configured one, else `<html lang>`, else the browser's, reduced to a
 * built-in language by its base (`vi-VN` → `vi`); English when nothing matches.
 */
export function resolveLocale(win: Window, configured: string | null): string {
  return (
    builtInLocale(configured) ||
    builtInLocale(win.document.documentElement.lang) ||
    builtInLocale(win.navigator.language) ||
    'en'
  )
}
