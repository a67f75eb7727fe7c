// @vitest-environment happy-dom
// The CDN loader's build shortens a listed set of internal property names
// (scripts/loader-internal-names.mjs). A listed name that crosses the loader's edge would break
// the public API, the wire or the chunks' contract in the CDN file only, where no unit test looks:
// these tests keep such names off the list and drive the built loader by its public names.
// `npm test` builds first.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { LOADER_INTERNAL_NAMES, loaderInternalProperties } from '../../scripts/loader-internal-names.mjs'
import type { Detection, TouchpointApi } from '../../src/shared/types'
import packageJson from '../../package.json'

const root = join(__dirname, '../..')

/** Every member of the public API, typed so that a new member fails the type-check until listed. */
const PUBLIC = {
  version: true,
  detect: true,
  show: true,
  on: true,
  flush: true,
  setStage: true,
  consent: true,
  track: true,
} satisfies Record<keyof TouchpointApi, true>

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : []
  })

/** The property names a TypeScript file declares or reads, and its string literals (keys, literal types). */
function propertyNamesOf(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const names = new Set<string>()
  const visit = (node: ts.Node) => {
    if (
      (ts.isPropertySignature(node) ||
        ts.isMethodSignature(node) ||
        ts.isPropertyAssignment(node) ||
        ts.isShorthandPropertyAssignment(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isPropertyAccessExpression(node) ||
        ts.isBindingElement(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    )
      names.add(node.name.text)
    if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.propertyName))
      names.add(node.propertyName.text)
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) names.add(node.text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return names
}

describe('loader-internal property names (the CDN build shortens them)', () => {
  it('lists no name that src/shared or the public API uses: wire, chunk contract, options, events', () => {
    // src/shared is everything the loader shares with the chunks, the collector and the store.
    const edge = [...filesUnder(join(root, 'src/shared')), join(root, 'src/index.ts')]
    for (const file of edge) {
      const names = propertyNamesOf(file)
      for (const name of LOADER_INTERNAL_NAMES) expect(names.has(name), `${name} in ${file}`).toBe(false)
    }
    for (const name of LOADER_INTERNAL_NAMES) expect(Object.keys(PUBLIC)).not.toContain(name)
  })

  it('matches exactly the listed names', () => {
    for (const name of LOADER_INTERNAL_NAMES) expect(loaderInternalProperties.regex.test(name), name).toBe(true)
    for (const near of ['window', 'records', 'xwin', 'Win', 'onchange', 'show', 'displays'])
      expect(loaderInternalProperties.regex.test(near), near).toBe(false)
  })

  it('shortens every listed name in dist/touchpoint.js (terser skips names the browser owns, which must not be listed)', () => {
    const code = readFileSync(join(root, 'dist/touchpoint.js'), 'utf8')
    for (const name of LOADER_INTERNAL_NAMES) expect(code, name).not.toMatch(new RegExp(`[.{,]${name}\\b`))
  })

  describe('the built loader on a page', () => {
    const w = window as unknown as { touchpoint: TouchpointApi; __touchpoint_chunks?: unknown }
    const tag = document.createElement('script')
    tag.src = 'https://cdn.example/touchpoint.js'
    tag.dataset.endpoint = 'https://collect.example/r'
    tag.type = 'text/plain' // found by the loader, never fetched by happy-dom
    tag.dataset.surveys = 'home:csat' // nothing armed on the cart: no UI chunk prefetch
    document.head.append(tag)
    history.replaceState(null, '', '/cart')
    new Function(readFileSync(join(root, 'dist/touchpoint.js'), 'utf8'))()
    afterAll(() => {
      delete (w as { touchpoint?: unknown }).touchpoint
      delete w.__touchpoint_chunks
      tag.remove()
    })

    it('answers to every public name, and to the command form', async () => {
      const api = w.touchpoint
      expect(Object.keys(api).sort()).toEqual(Object.keys(PUBLIC).sort())
      expect(api.version).toBe(packageJson.version)
      expect(api.detect()).toMatchObject({ touchpoint: 'cart', stage: 'decision' })
      expect((api('detect') as Detection).touchpoint).toBe('cart')
      const stages: Detection[] = []
      const off = api.on('stage', (detection) => stages.push(detection))
      api.setStage('checkout')
      expect(stages).toEqual([{ touchpoint: 'checkout', stage: 'decision', signal: 'explicit' }])
      off()
      api.consent(false)
      expect(await api.show('csat')).toBe(false) // consent withdrawn: the session and consent still talk
      api.consent(true)
      expect(() => api.track('chat-closed')).not.toThrow()
      await expect(api.flush()).resolves.toBeUndefined()
    })
  })
})
