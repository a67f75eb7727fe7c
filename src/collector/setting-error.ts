/** A collector setting (environment variable or `createCollector` option) that cannot be used. */
export class SettingError extends Error {
  readonly name = 'SettingError'
}
