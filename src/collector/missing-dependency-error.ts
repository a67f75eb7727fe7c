/**
 * A package the collector needs for what was asked of it is not installed (or cannot be
 * loaded). The collector's packages are optional peer dependencies of touchpoint-survey, so a
 * widget user never installs them; the message says which ones and the command that installs
 * them, e.g.
 *
 * ```
 * the collector needs packages that are not installed:
 *   better-sqlite3: the SQLite database (used when DATABASE_URL is not set)
 * install them next to touchpoint-survey:
 *   npm install better-sqlite3@12
 * ```
 */
export class MissingDependencyError extends Error {
  readonly name = 'MissingDependencyError'
  constructor(
    message: string,
    /** The packages that are missing (or broken), e.g. `['better-sqlite3']`. */
    readonly packages: string[],
    /** What installs (or repairs) them, e.g. `npm install better-sqlite3@12`. */
    readonly command: string,
    /** The load error, when the package is installed but does not load. */
    readonly cause?: unknown,
  ) {
    super(message)
  }
}

/**
 * @example
 * try { createCollector({}) } catch (err) { if (isMissingDependencyError(err)) console.error(err.command) }
 */
export function isMissingDependencyError(error: unknown): error is MissingDependencyError {
  return error instanceof Error && error.name === 'MissingDependencyError'
}
