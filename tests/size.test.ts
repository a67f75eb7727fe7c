// @vitest-environment node
// The one size mechanism: package.json `sizeBudgets`, each either built files (`files`, as the CDN
// serves them; `npm test` builds first) or a subset of the loader's modules (`modules`, bundled and
// minified with rollup here, so a part of the loader has a budget of its own), brotli quality 11.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { bundle } from './size/bundle'

interface Budget {
  /** Built files in dist/, each compressed on its own. */
  files?: string[]
  /** Source modules bundled together: `path` (all its exports) or `path#name`. */
  modules?: string[]
  /** Modules whose bytes the loader pays for elsewhere, subtracted from `modules`' size. */
  without?: string[]
  /** The product's budget (issue 2; the loader's 8,192 B since issue 16). */
  target: number
  /** What `npm test` enforces today: the measured size plus a small margin, lowered as the code shrinks. */
  ceiling: number
}

const root = join(__dirname, '..')
const budgets: Record<string, Budget> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).sizeBudgets
const brotli = (code: string | Buffer) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length

/** Minified + brotli bytes of the named modules bundled as one IIFE. */
async function modulesSize(modules: string[]): Promise<number> {
  const lines = modules.map((module) => {
    const [path, name] = module.split('#')
    return `export ${name ? `{ ${name} }` : '*'} from '${join(root, path)}'`
  })
  const dir = mkdtempSync(join(tmpdir(), 'tp-size-'))
  try {
    writeFileSync(join(dir, 'entry.ts'), lines.join('\n'))
    return brotli(await bundle(join(dir, 'entry.ts'), true))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function sizeOf({ files, modules, without }: Budget): Promise<number> {
  if (files) return files.reduce((sum, file) => sum + brotli(readFileSync(join(root, 'dist', file))), 0)
  return (await modulesSize(modules!)) - (without ? await modulesSize(without) : 0)
}

describe('size budgets (brotli, quality 11; `npm test` builds first)', () => {
  for (const [name, budget] of Object.entries(budgets)) {
    const what =
      (budget.files || budget.modules!).join(' + ') + (budget.without ? ` − ${budget.without.join(' − ')}` : '')
    it(`keeps the ${name} (${what}) under its ceiling`, async () => {
      const size = await sizeOf(budget)
      const { target, ceiling } = budget
      const verdict = size <= target ? 'within target' : `OVER TARGET by ${size - target} B`
      console.log(`size: ${name}: ${size} B brotli (target ${target} B: ${verdict}; enforced ceiling ${ceiling} B)`)
      expect(target).toBeLessThanOrEqual(ceiling)
      expect(size).toBeLessThanOrEqual(ceiling)
    }, 60_000)
  }
})
