/**
 * This build's version, `touchpoint.version`: package.json's, written in at build time
 * (build-constants.d.ts), so a release cannot ship a loader that names the previous one.
 *
 * @example
 * touchpoint.version // → '0.1.0'
 */
export const VERSION: string = __TOUCHPOINT_VERSION__
