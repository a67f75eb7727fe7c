// @vitest-environment node
// dist/touchpoint-ui.js starts with V8's compile hint `//# allFunctionsCalledOnLoad` (Chrome
// 136+), so that the browser compiles all of the card's code while it streams the file, off the
// main thread, instead of each function on its first call in the idle-time warm-up, the
// preparation and show(). Measured on the bench's product page at 4× CPU: the main-thread time
// running the UI chunk 137–188 → 88–125 ms, its longest tasks 69–105 → 40–57 ms. The loader does
// not take it: it runs on every page, where most of its code never runs. `npm test` builds first.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const dist = join(__dirname, '../../dist')
const read = (file: string) => readFileSync(join(dist, file), 'utf8')
const HINT = '//# allFunctionsCalledOnLoad\n'

describe('the compile hint', () => {
  it('heads the UI chunk, and only the UI chunk', () => {
    expect(read('touchpoint-ui.js').startsWith(HINT)).toBe(true)
    for (const file of ['touchpoint.js', 'touchpoint-transport.js', 'touchpoint-diagnostics.js'])
      expect(read(file)).not.toContain('allFunctionsCalledOnLoad')
  })

  it('leaves the source map right: its first line maps nothing, the code is one line lower', () => {
    const map = JSON.parse(read('touchpoint-ui.js.map'))
    const [hint, code] = map.mappings.split(';')
    expect(hint).toBe('')
    expect(code.length).toBeGreaterThan(1000)
  })
})
