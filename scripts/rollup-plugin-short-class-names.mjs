// The survey card's class names, ids and custom properties are words in src/ui (a reader should
// see `.option`, not `.o`); in the built chunks each becomes one letter, which saves ~100 B
// brotli on every page that shows a survey. The card lives in its own shadow root, so no store
// name can clash with a short one.
//
// Replaced, in src/ui files only: in styles.ts's CSS, `.name` and `[name]` selectors and
// `--name` properties;
// elsewhere, string literals made only of names from the table (`'card floating'`, `' at-left'`,
// `'--accent'`, `"comment"` as a class, id or label target). A table entry the CSS no longer
// uses fails the build, so the table cannot go stale.

/** Readable name → what the build ships. */
export const SHORT_NAMES = {
  card: 'c',
  floating: 'f',
  'at-left': 'l',
  options: 'g',
  option: 'o',
  ends: 'e',
  named: 'm',
  'follow-up': 'n',
  'follow-up-row': 'r',
  comment: 't',
  send: 's',
  close: 'x',
  'thank-you': 'y',
  'visually-hidden': 'v',
  corner: 'k',
  '--accent': '--a',
  '--on-accent': '--o',
  '--muted': '--m',
  '--border': '--b',
  'data-floating': 'data-f',
}

// Own keys only: `'constructor' in SHORT_NAMES` is true (inherited), and rewriting the literal
// 'constructor' broke the frozen-prototype guard in src/ui/frozen-prototypes.ts.
const isShort = (name) => Object.prototype.hasOwnProperty.call(SHORT_NAMES, name)

const inUi = (id) => /[\\/]src[\\/]ui[\\/][^\\/]+\.tsx?$/.test(id)
const WORD = '[a-z][a-z-]*'
const cssName = new RegExp(`(\\.|--|\\[)(${WORD})(?![\\w-])`, 'g')
const literal = /(['"])( ?(?:--)?[a-z][a-z-]*(?: (?:--)?[a-z][a-z-]*)* ?)\1/g

/** Shortens the names in one CSS text; `used` collects the table entries met. */
function shortenCss(css, used) {
  return css.replace(cssName, (whole, prefix, word) => {
    const name = prefix == '--' ? '--' + word : word
    if (!isShort(name)) return whole
    used.add(name)
    return prefix == '--' ? SHORT_NAMES[name] : prefix + SHORT_NAMES[name]
  })
}

export function shortClassNames() {
  return {
    name: 'short-class-names',
    transform(code, id) {
      if (!inUi(id)) return null
      if (/[\\/]styles\.ts$/.test(id)) {
        const used = new Set()
        const out = code.replace(/CSS = `[^`]*`/, (css) => shortenCss(css, used))
        const stale = Object.keys(SHORT_NAMES).filter((name) => !used.has(name))
        if (stale.length) this.error(`short-class-names: not in styles.ts's CSS any more: ${stale.join(', ')}`)
        return { code: out, map: null }
      }
      const out = code.replace(literal, (whole, quote, text) => {
        const words = text.trim().split(' ')
        if (!words.every(isShort)) return whole
        return quote + text.replace(/\S+/g, (w) => SHORT_NAMES[w]) + quote
      })
      return out == code ? null : { code: out, map: null }
    },
  }
}
