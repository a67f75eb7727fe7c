import { createRequire } from 'node:module'
import { MissingDependencyError } from './missing-dependency-error.js'

// Resolved from where the package is installed, so the store's own node_modules is searched.
const require = createRequire(import.meta.url)

/**
 * The collector's packages: optional peer dependencies in package.json (a widget user installs
 * none of them), with the major version that package.json asks for (a test keeps them equal),
 * the file to load and what the collector uses it for.
 */
export const PEERS = {
  ajv: { major: 8, entry: 'ajv/dist/2020.js', use: 'checking answers against the wire schema' },
  'ajv-formats': { major: 3, entry: 'ajv-formats', use: 'checking answers against the wire schema' },
  'better-sqlite3': {
    major: 12,
    entry: 'better-sqlite3',
    use: 'the SQLite database (used when DATABASE_URL is not set)',
  },
  pg: { major: 8, entry: 'pg', use: 'PostgreSQL (DATABASE_URL is set)' },
} as const

export type Peer = keyof typeof PEERS

/** What the collector needs in any case, and for the engine that `databaseUrl` chooses. */
export const peersFor = (databaseUrl: string | undefined): Peer[] => [
  'ajv',
  'ajv-formats',
  databaseUrl ? 'pg' : 'better-sqlite3',
]

const isInstalled = (name: Peer): boolean => {
  try {
    require.resolve(PEERS[name].entry)
    return true
  } catch {
    return false
  }
}

/**
 * Throws one `MissingDependencyError` naming every package of `names` that is not installed,
 * with the single `npm install` command for all of them; returns when all are there.
 *
 * @example
 * requirePeers(peersFor(process.env.DATABASE_URL))
 */
export function requirePeers(names: Peer[]): void {
  const missing = names.filter((name) => !isInstalled(name))
  if (missing.length === 0) return
  const command = `npm install ${missing.map((name) => `${name}@${PEERS[name].major}`).join(' ')}`
  const lines = missing.map((name) => `  ${name}: ${PEERS[name].use}`)
  throw new MissingDependencyError(
    `the collector needs ${missing.length === 1 ? 'a package that is' : 'packages that are'} not installed:\n${lines.join('\n')}\ninstall ${missing.length === 1 ? 'it' : 'them'} next to touchpoint-survey:\n  ${command}`,
    missing,
    command,
  )
}

/**
 * Loads one of the collector's packages, or throws a `MissingDependencyError` that says how to
 * install it (not installed) or rebuild it (installed, but its native module does not load).
 *
 * @example
 * const Database = loadPeer<typeof import('better-sqlite3')>('better-sqlite3')
 */
export function loadPeer<Module>(name: Peer): Module {
  requirePeers([name])
  try {
    return require(PEERS[name].entry) as Module
  } catch (err) {
    const command = `npm rebuild ${name}`
    throw new MissingDependencyError(
      `the collector could not load ${name} (${(err as Error).message}); rebuild it:\n  ${command}`,
      [name],
      command,
      err,
    )
  }
}
