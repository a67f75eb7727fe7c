import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs build script without types
import { SHORT_NAMES, shortClassNames } from '../../scripts/rollup-plugin-short-class-names.mjs'

// The card's class names are words in src/ui and one letter in the chunks: the build plugin must
// shorten the CSS and the markup alike, leave every other string alone, and fail on a stale table.
const root = join(__dirname, '../..')
const plugin = shortClassNames()
const context = {
  error(message: string) {
    throw new Error(message)
  },
}
const transform = (code: string, file: string) => plugin.transform.call(context, code, join(root, file))?.code ?? code
const styles = readFileSync(join(root, 'src/ui/styles.ts'), 'utf8')

describe('short class names (rollup plugin)', () => {
  it('shortens every selector, attribute selector and custom property of the table in the CSS', () => {
    const css = transform(styles, 'src/ui/styles.ts').split('CSS = `')[1].split('`')[0]
    for (const name of Object.keys(SHORT_NAMES)) {
      const escaped = name.replace(/-/g, '\\-')
      const readable = name.startsWith('--')
        ? new RegExp(`${escaped}(?![\\w-])`)
        : new RegExp(`[.[]${escaped}(?![\\w-])`)
      expect(css, name).not.toMatch(readable)
    }
    expect(css).toContain('.c{all:initial')
    expect(css).toContain(':host([data-f])')
    expect(css).toContain('var(--touchpoint-font') // a store's custom property is not ours to rename
  })

  it('shortens string literals made only of names, in class, id and label targets, and nothing else', () => {
    const code = `h('div', { class: m ? 'card' : 'card floating' + (l ? ' at-left' : ''), id: "comment" }); phase == 'thanks'; t.close; '--accent'`
    expect(transform(code, 'src/ui/survey.tsx')).toBe(
      `h('div', { class: m ? 'c' : 'c f' + (l ? ' l' : ''), id: "t" }); phase == 'thanks'; t.close; '--a'`,
    )
    expect(transform(`'card'`, 'src/loader/core/report.ts')).toBe(`'card'`) // only the UI's files
  })

  it("leaves words an object inherits alone: 'constructor' is not a class name", () => {
    // src/ui/frozen-prototypes.ts names it; rewritten, the card stopped after the first pick on a
    // page that froze Object.prototype (tests/e2e/hostile-pages.test.ts).
    const code = `Object.getOwnPropertyDescriptor(Object.prototype, 'constructor'); 'toString'; 'card hasOwnProperty'`
    expect(transform(code, 'src/ui/frozen-prototypes.ts')).toBe(code)
  })

  it('fails the build when a name of the table is no longer in the CSS', () => {
    SHORT_NAMES.gone = 'z'
    try {
      expect(() => transform(styles, 'src/ui/styles.ts')).toThrow(/not in styles.ts's CSS any more: gone/)
    } finally {
      delete SHORT_NAMES.gone
    }
  })
})
