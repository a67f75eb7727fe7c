import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/** The repository's root folder, where package.json and the built dist/ are. */
export const ROOT = join(__dirname, '../..')

/**
 * Packs the package as `npm publish` would into `dir` and returns the tarball's path. `npm test`
 * has built dist/ already: --ignore-scripts keeps prepack from building again.
 *
 * @example
 * const tarball = packInto(mkdtempSync(join(tmpdir(), 'touchpoint-')))
 */
export function packInto(dir: string): string {
  const listing = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return join(dir, listing.trim().split('\n').pop()!)
}
