// @vitest-environment node
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..')
const budgets: Record<string, number> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).sizeBudgets
const brotli = (file: string) =>
  brotliCompressSync(readFileSync(join(root, 'dist', file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length

// Budgets live in package.json (`sizeBudgets`) and the README; `npm test` builds first.
describe('size budgets (brotli, quality 11)', () => {
  const loader = brotli('touchpoint.js')
  const ui = brotli('touchpoint-ui.js')
  const transport = brotli('touchpoint-transport.js')
  console.log(`sizes: touchpoint.js ${loader} B, touchpoint-ui.js ${ui} B, touchpoint-transport.js ${transport} B, survey total ${loader + ui + transport} B`)

  it('keeps the loader that runs on every store page within its budget', () => {
    expect(loader).toBeLessThanOrEqual(budgets['dist/touchpoint.js'])
  })

  it('keeps everything a shopper downloads for one answered survey within budget', () => {
    expect(loader + ui + transport).toBeLessThanOrEqual(budgets['survey shown, answered and sent (loader + ui + transport)'])
  })
})
