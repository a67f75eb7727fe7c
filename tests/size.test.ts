// @vitest-environment node
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { describe, expect, it } from 'vitest'

interface Budget {
  files: string[]
  /** The product's budget (issue 2; the loader's 8,192 B since issue 16). */
  target: number
  /** What `npm test` enforces today: the measured size plus a small margin, lowered as the code shrinks. */
  ceiling: number
}

const root = join(__dirname, '..')
const budgets: Record<string, Budget> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).sizeBudgets
// Each file compressed on its own, as a CDN serves them.
const brotli = (file: string) =>
  brotliCompressSync(readFileSync(join(root, 'dist', file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    .length

describe('size budgets (brotli, quality 11; `npm test` builds first)', () => {
  for (const [name, { files, target, ceiling }] of Object.entries(budgets)) {
    it(`keeps the ${name} (${files.join(' + ')}) under its ceiling`, () => {
      const size = files.reduce((sum, file) => sum + brotli(file), 0)
      const verdict = size <= target ? 'within target' : `OVER TARGET by ${size - target} B`
      console.log(`size: ${name}: ${size} B brotli (target ${target} B: ${verdict}; enforced ceiling ${ceiling} B)`)
      expect(target).toBeLessThanOrEqual(ceiling)
      expect(size).toBeLessThanOrEqual(ceiling)
    })
  }
})
