import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_NAME = 'touchpoint-survey'

/** The package's own root could not be found above a module. */
export class PackageRootError extends Error {
  readonly name = 'PackageRootError'
}

/**
 * The folder of touchpoint-survey's package.json, searched upwards from `from` (a module URL).
 * The collector runs from src/ in tests, from dist/collector/ when published, and from a
 * bundle a store may build itself: counting `../` would break in one of them, the search does not.
 *
 * @example
 * packageRoot(import.meta.url) // → '/srv/app/node_modules/touchpoint-survey'
 */
export function packageRoot(from: string): string {
  let dir = dirname(fileURLToPath(from))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && readName(manifest) === PACKAGE_NAME) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new PackageRootError(`no package.json named ${PACKAGE_NAME} above ${fileURLToPath(from)}`)
    dir = parent
  }
}

/**
 * A file shipped in the package (listed in package.json `files`), by its path from the root.
 *
 * @example
 * packageFile('schema/response.schema.json', import.meta.url)
 */
export const packageFile = (path: string, from: string): string => join(packageRoot(from), path)

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name
  } catch {
    // A broken or unreadable package.json belongs to someone else: keep looking further up.
    return undefined
  }
}
