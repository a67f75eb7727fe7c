// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

const root = join(__dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
/** The entry file and every file it imports statically: what `import { init }` loads up front. */
function entryCode(file = join(root, pkg.exports['.'].import)): string {
  const code = readFileSync(file, 'utf8')
  const imports = [...code.matchAll(/(?:^|;|\n)\s*(?:import|export)\b[^;'"]*?from\s*'(\.\/[^']+)'/g)].map((m) =>
    join(file, '..', m[1]),
  )
  return [code, ...imports.map((f) => entryCode(f))].join('\n')
}

describe('the npm package', () => {
  it('declares types first in exports and points at built files', () => {
    expect(Object.keys(pkg.exports['.'])[0]).toBe('types')
    expect(readFileSync(join(root, pkg.exports['.'].types), 'utf8')).toMatch(/export \{ init \}/)
    expect(pkg.sideEffects).toBe(false)
    expect(pkg.files).toContain('dist')
  })

  it('imports during server-side rendering without touching window or document', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const mod = await import(join(root, pkg.exports['.'].import))
    expect(Object.keys(mod).sort()).toEqual(['DEFAULT_STAGE_MAP', 'STAGES', 'TOUCHPOINTS', 'detectStage', 'init'])
    expect(mod.detectStage()).toEqual({ stage: 'awareness', touchpoint: 'other', signal: 'none' })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(mod.init({ endpoint: 'https://collect.example/r' })).toBeUndefined()
    expect(warn).toHaveBeenCalledWith('touchpoint: init() needs a browser; call it on the client')
    warn.mockRestore()
  })

  it('keeps the survey UI out of the entry file: it is a separate chunk loaded by import()', () => {
    const entry = entryCode()
    expect(entry).not.toMatch(/from 'preact'/)
    expect(entry).toMatch(/import\('\.\/ui-[a-z0-9]+\.js'\)/)
  })

  it('names its chunks without a double hyphen and ships types only for the public API', () => {
    const files = readdirSync(join(root, 'dist/esm'), { recursive: true }) as string[]
    expect(files.filter((f) => f.endsWith('.js') && f.includes('--'))).toEqual([])
    const types = files.filter((f) => f.endsWith('.d.ts'))
    expect(types).toContain('index.d.ts')
    // Internal modules (the outbox, the chunk contract, the UI) have no declaration file.
    for (const internal of ['delivery/outbox.d.ts', 'contract.d.ts', 'ui/survey.d.ts', 'cdn/loader.d.ts'])
      expect(types.map((f) => f.replace(/\\/g, '/'))).not.toContain(internal)
  })

  it('resolves every CDN file from the package and tells require() users to import', () => {
    const req = createRequire(join(root, 'package.json'))
    for (const file of ['touchpoint.js', 'touchpoint-ui.js', 'touchpoint-transport.js'])
      expect(req.resolve(`touchpoint-survey/${file}`)).toBe(join(root, 'dist', file))
    expect(() => req('touchpoint-survey')).toThrow(
      /ES module package: use `import \{ init \} from 'touchpoint-survey'`/,
    )
  })

  it('keeps the wording of warnings out of the entry file: the diagnostics chunk is loaded by import()', () => {
    const entry = entryCode()
    expect(entry).toMatch(/import\('\.\/diagnostics-[\w-]+\.js'\)/)
    expect(entry).not.toContain('did you mean')
  })
})
