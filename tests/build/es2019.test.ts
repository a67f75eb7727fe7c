// @vitest-environment node
// The README promises Chrome 80+, Firefox 78+ and Safari 13.1+: every file we ship must parse as
// ES2019 and call no newer API without a guard. Checks the CDN files (dependencies bundled
// in) and the npm build's files (our code only: ky, nanostores and preact stay imports there, and
// the store's own bundler decides their target). `npm test` builds first.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, type Node } from 'acorn'
import { describe, expect, it } from 'vitest'
import { toES2019 } from '../../scripts/rollup-plugin-es2019.mjs'

const dist = join(__dirname, '../../dist')
const CDN_FILES = [
  'touchpoint.js',
  'touchpoint-ui.js',
  'touchpoint-transport.js',
  'touchpoint-words.js',
  'touchpoint-surveys.js',
]
const esmFiles = () =>
  existsSync(join(dist, 'esm'))
    ? readdirSync(join(dist, 'esm'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => 'esm/' + name)
    : []

/** Methods newer than the matrix on any object, with the first versions that have them. */
const NEWER_METHODS: Record<string, string> = {
  at: '.at(): Chrome 92, Safari 15.4',
  replaceAll: 'String#replaceAll: Chrome 85',
  findLast: 'Array#findLast: Chrome 97, Safari 15.4',
  findLastIndex: 'Array#findLastIndex: Chrome 97, Safari 15.4',
  toSorted: 'Array#toSorted: Chrome 110, Safari 16',
  toReversed: 'Array#toReversed: Chrome 110, Safari 16',
  toSpliced: 'Array#toSpliced: Chrome 110, Safari 16',
}
/** Static members and globals newer than the matrix (reached directly or through globalThis). */
const NEWER_STATICS: Record<string, string> = {
  'Object.hasOwn': 'Chrome 93, Safari 15.4',
  'Object.groupBy': 'Chrome 117, Safari 17.4',
  'Promise.any': 'Chrome 85, Safari 14',
  'Promise.withResolvers': 'Chrome 119, Safari 17.4',
  'Array.fromAsync': 'Chrome 121, Safari 16.4',
  'AbortSignal.any': 'Chrome 116, Safari 17.4',
  'AbortSignal.timeout': 'Chrome 103, Safari 16',
  'crypto.randomUUID': 'Chrome 92, Safari 15.4',
}
const NEWER_GLOBALS: Record<string, string> = {
  structuredClone: 'Chrome 98, Safari 15.4',
  AggregateError: 'Chrome 85, Safari 14',
  WeakRef: 'Chrome 84, Safari 14.1',
  FinalizationRegistry: 'Chrome 84, Safari 14.1',
}
/** Uses guarded where they stand, each checked by hand (and by the Chromium test that deletes them). */
const GUARDED: Record<string, string> = {
  'AbortSignal.any': 'ky calls it only after `typeof globalThis.AbortSignal.any === "function"`',
}

const own = (table: Record<string, string>, key: string) =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined

/**
 * Parses a shipped file as ES2019. The npm build's files hold one ES2020 form the matrix has:
 * `import()` (Chrome 63, Firefox 67, Safari 11.1), how a bundler splits the UI and transport off.
 * They are parsed as ES2020 and must contain nothing else of it (`?.`, `??`, BigInt).
 */
function parseShipped(code: string, name: string): Node {
  if (!name.startsWith('esm/')) return parse(code, { ecmaVersion: 2019, sourceType: 'script' })
  const tree = parse(code, { ecmaVersion: 2020, sourceType: 'module' })
  const walk = (node: unknown): void => {
    if (!node || typeof node != 'object') return
    if (Array.isArray(node)) return node.forEach(walk)
    const current = node as Node & { operator?: string; bigint?: string }
    if (current.type == 'ChainExpression' || current.operator == '??' || current.bigint != null)
      throw new SyntaxError(`ES2020 syntax (${current.type} ${current.operator || ''}) at ${current.start}`)
    for (const key in current) walk((current as unknown as Record<string, unknown>)[key])
  }
  walk(tree)
  return tree
}

/**
 * Every `object.member` reached in the code (`?.member` for a computed object), the ones called,
 * and every free name used. A method counts only where it is called: the wire field `response.at`
 * is not `Array.prototype.at`.
 */
function names(tree: Node) {
  const members: string[] = []
  const called = new Set<string>()
  const identifiers = new Set<string>()
  const text = (node: Node | null | undefined): string =>
    !node
      ? '?'
      : node.type == 'Identifier'
        ? (node as unknown as { name: string }).name
        : node.type == 'MemberExpression'
          ? memberName(node)
          : '?'
  const memberName = (node: Node) => {
    const { object, property, computed } = node as unknown as { object: Node; property: Node; computed: boolean }
    return `${text(object)}.${computed ? '?' : text(property)}`
  }
  const walk = (node: unknown): void => {
    if (!node || typeof node != 'object') return
    if (Array.isArray(node)) return node.forEach(walk)
    const current = node as Node
    if (current.type == 'MemberExpression') members.push(memberName(current))
    const callee = (current as unknown as { callee?: Node }).callee
    if (current.type == 'CallExpression' && callee && callee.type == 'MemberExpression') called.add(memberName(callee))
    if (current.type == 'Identifier') identifiers.add((current as unknown as { name: string }).name)
    for (const key in current)
      if (key != 'type' && key != 'start' && key != 'end') walk((current as unknown as Record<string, unknown>)[key])
  }
  walk(tree)
  return { members, called, identifiers }
}

/** The newer APIs a file reaches without a listed guard, with the first versions that have them. */
function newerApis(code: string, name = 'touchpoint.js'): string[] {
  const { members, called, identifiers } = names(parseShipped(code, name))
  const found: string[] = []
  for (const reached of members) {
    const member = reached.replace(/^(globalThis|window|self)\./, '')
    const method = member.split('.').pop()!
    if (own(GUARDED, member)) continue
    if (own(NEWER_STATICS, member)) found.push(`${member} (${NEWER_STATICS[member]})`)
    else if (own(NEWER_METHODS, method) && called.has(reached)) found.push(`${member} (${NEWER_METHODS[method]})`)
  }
  for (const name in NEWER_GLOBALS) if (identifiers.has(name)) found.push(`${name} (${NEWER_GLOBALS[name]})`)
  return [...new Set(found)]
}

describe('browsers the README names (Chrome 80+, Firefox 78+, Safari 13.1+)', () => {
  for (const file of [...CDN_FILES, 'esm/*.js']) {
    it(`${file} parses as ES2019`, () => {
      const files = file == 'esm/*.js' ? esmFiles() : [file]
      expect(files.length, 'run `npm run build` first').toBeGreaterThan(0)
      for (const name of files) {
        expect(existsSync(join(dist, name)), `dist/${name} is missing: run \`npm run build\` first`).toBe(true)
        const code = readFileSync(join(dist, name), 'utf8')
        expect(() => parseShipped(code, name), `dist/${name}`).not.toThrow()
      }
    })

    it(`${file} calls no API newer than the matrix without a guard`, () => {
      const files = file == 'esm/*.js' ? esmFiles() : [file]
      for (const name of files) {
        const code = readFileSync(join(dist, name), 'utf8')
        expect(newerApis(code, name), `dist/${name}`).toEqual([])
      }
    })
  }

  it('finds what it looks for (the checks above are not vacuous)', () => {
    expect(() => parse('a ||= 1', { ecmaVersion: 2019 })).toThrow()
    expect(() => parse('class A { #b = 1 }', { ecmaVersion: 2019 })).toThrow()
    expect(() => parseShipped('export const a = b?.c', 'esm/index.js')).toThrow()
    expect(() => parseShipped('export const a = () => import("./ui.js")', 'esm/index.js')).not.toThrow()
    expect(
      newerApis('Object.hasOwn(a, "b"); list.at(-1); structuredClone(x); Promise.any([]); a.toString()'),
    ).toHaveLength(4)
    expect(newerApis('response.at = new Date().toISOString(); send(response.at)')).toEqual([])
    expect(newerApis('typeof AbortSignal.any == "function" && AbortSignal.any([a])')).toEqual([])
  })
})

describe('toES2019 (the build step that brings dependencies to ES2019)', () => {
  const down = (code: string) => toES2019(code, 'dependency.js').code

  it('downlevels logical assignment, nullish coalescing, optional chaining and class fields so ES2019 parses them', () => {
    const code = down(
      'let a; a ||= {}; a.b ??= 1; const c = a?.b ?? 2; class K { d = 1; static e = 2; #f = 3; static #g() { return 4 } h() { return this.#f + K.#g() } }',
    )
    expect(() => parse(code, { ecmaVersion: 2019, sourceType: 'module' })).not.toThrow()

    expect(new Function(code + '; return [a, c, new K().h()]')()).toEqual([{ b: 1 }, 1, 7])
  })

  it('rewrites Object.hasOwn and a literal .at() to what Safari 13.1 has, with the same results', () => {
    const code = down(
      'const o = Object.create({ inherited: 1 }); o.own = 1; const list = [1, 2, 3]; out = [Object.hasOwn(o, "own"), Object.hasOwn(o, "inherited"), list.at(-1), list.at(0)]',
    )
    expect(code).not.toMatch(/hasOwn\(|\.at\(/)

    expect(new Function('let out; ' + code + '; return out')()).toEqual([true, false, 3, 1])
  })

  it('spells the null checks of ?? and ?. loosely, with the same results for null, undefined, 0 and ""', () => {
    const code = down('out = [null, undefined, 0, ""].map((x) => [x ?? "d", x?.length])')
    expect(code).toMatch(/!= null/)

    expect(new Function('let out; ' + code + '; return out')()).toEqual([
      ['d', undefined],
      ['d', undefined],
      [0, undefined],
      ['', 0],
    ])
  })

  it('stops the build when a private #name would clash with an existing _name property', () => {
    expect(() => down('class K { #a = 1; b() { return this._a } }')).toThrow(/_a is already used/)
  })
})
