// @vitest-environment node
// What a developer gets from `npm install touchpoint-survey`: the packed tarball installed into
// a fresh project, as npm does it (optional peer dependencies are not installed), and what the
// collector says there when its own packages are missing. The npm cache serves the widget's three
// dependencies (--prefer-offline: the registry is asked only when the cache lacks one).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PEERS } from '../../src/collector/peer-dependencies.js'
import { packInto, ROOT } from './pack'

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
let dir = ''
let app = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'touchpoint-install-'))
  const tarball = packInto(dir)
  app = join(dir, 'app')
  execFileSync('mkdir', [app])
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'store-app', private: true, type: 'module' }))
  // --ignore-scripts: the listing below is the check, so a collector package that slipped back
  // in fails it at once instead of compiling better-sqlite3 for minutes first.
  execFileSync('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball], {
    cwd: app,
    encoding: 'utf8',
    stdio: 'pipe',
  })
}, 180_000)
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Runs the installed `touchpoint-collector` bin with only the given environment (no NODE_PATH). */
function collectorBin(env: Record<string, string>) {
  const bin = join(app, 'node_modules/touchpoint-survey', PKG.bin['touchpoint-collector'])
  return spawnSync(process.execPath, [bin], {
    cwd: app,
    encoding: 'utf8',
    env: { PATH: process.env.PATH!, HOST: '127.0.0.1', PORT: '0', DB_PATH: join(app, 'answers.db'), ...env },
    timeout: 30_000,
  })
}

/** Runs an ES module script in the app, as a store's server code would import the collector. */
function appScript(code: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: app,
    encoding: 'utf8',
    env: { PATH: process.env.PATH! },
    timeout: 30_000,
  })
}

/** Makes one of this repository's installed packages visible to the app (its own dependencies resolve from the repository). */
const linkFromRepo = (name: string) => symlinkSync(join(ROOT, 'node_modules', name), join(app, 'node_modules', name))

describe('npm install touchpoint-survey', () => {
  it('installs only the widget and its runtime dependencies, none of the collector packages', () => {
    const installed = readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))
    expect(installed.sort()).toEqual([...Object.keys(PKG.dependencies), 'touchpoint-survey'].sort())
    expect(Object.keys(PKG.dependencies).sort()).toEqual(['ky', 'nanostores', 'preact'])
  })

  it('declares the collector packages as optional peer dependencies, and as dev dependencies of this repository', () => {
    expect(Object.keys(PKG.peerDependencies).sort()).toEqual(Object.keys(PEERS).sort())
    for (const [name, peer] of Object.entries(PEERS)) {
      expect(PKG.peerDependencies[name]).toBe(PKG.devDependencies[name])
      expect(PKG.peerDependenciesMeta[name]).toEqual({ optional: true })
      // The install command the collector prints asks for the major version package.json accepts.
      expect(PKG.peerDependencies[name]).toMatch(new RegExp(`^\\^${peer.major}\\.`))
    }
    expect(PKG.optionalDependencies).toBeUndefined()
  })
})

// Each test starts Node once or twice; on a busy machine that takes seconds.
describe('the collector installed without its packages', { timeout: 60_000 }, () => {
  it('names each missing package and the one npm install command, not pg, on SQLite', () => {
    const run = collectorBin({})
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(
      'touchpoint-collector: the collector needs packages that are not installed:\n' +
        '  ajv: checking answers against the wire schema\n' +
        '  ajv-formats: checking answers against the wire schema\n' +
        '  better-sqlite3: the SQLite database (used when DATABASE_URL is not set)\n' +
        'install them next to touchpoint-survey:\n' +
        '  npm install ajv@8 ajv-formats@3 better-sqlite3@12\n',
    )
  })

  it('asks for pg, not better-sqlite3, when DATABASE_URL is set', () => {
    const run = collectorBin({ DATABASE_URL: 'postgres://touchpoint@127.0.0.1:9/touchpoint' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('  pg: PostgreSQL (DATABASE_URL is set)\n')
    expect(run.stderr).toContain('  npm install ajv@8 ajv-formats@3 pg@8\n')
    expect(run.stderr).not.toContain('better-sqlite3')
  })

  it('says exactly how to install better-sqlite3 when it is the only package that cannot be resolved', () => {
    linkFromRepo('ajv')
    linkFromRepo('ajv-formats')
    const run = collectorBin({})
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(
      'touchpoint-collector: the collector needs a package that is not installed:\n' +
        '  better-sqlite3: the SQLite database (used when DATABASE_URL is not set)\n' +
        'install it next to touchpoint-survey:\n' +
        '  npm install better-sqlite3@12\n',
    )
    // The import itself never fails; creating a collector throws the same message as a typed error.
    const imported = appScript(`
      import { createCollector, isMissingDependencyError } from 'touchpoint-survey/collector'
      try { createCollector({ dbPath: 'answers.db' }) } catch (err) { console.log(isMissingDependencyError(err), err.packages.join(), err.command) }`)
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toBe('true better-sqlite3 npm install better-sqlite3@12\n')
  })

  it('opens its SQLite database once better-sqlite3 is there too', () => {
    linkFromRepo('better-sqlite3')
    const opened = appScript(`
      import { openStore, checkBatch } from 'touchpoint-survey/collector'
      const store = openStore({ dbPath: 'answers.db' })
      await store.ready()
      await store.close()
      console.log('opened', checkBatch({}).ok)`)
    expect(opened.stderr).toBe('')
    expect(opened.stdout).toBe('opened false\n')
  })
})
