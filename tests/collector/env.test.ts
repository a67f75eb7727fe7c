// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { settingsFromEnv, SettingError } from '../../src/collector/env'

describe('settingsFromEnv', () => {
  it('has defaults that work without any setting', () => {
    expect(settingsFromEnv({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      options: { dbPath: './touchpoint.db', allowOrigins: ['*'], maxBodyBytes: 1048576, rateLimit: { perMinute: 120 }, trustProxy: false },
    })
  })

  it('reads every variable', () => {
    const s = settingsFromEnv({
      PORT: '9000', HOST: '127.0.0.1', DB_PATH: '/var/lib/tp.db', ALLOW_ORIGINS: 'https://shop.example, https://www.shop.example/',
      MAX_BODY_BYTES: '65536', RATE_LIMIT: '10/s', TRUST_PROXY: '1', REPORT_PASSWORD: 's3cret',
    })
    expect(s).toEqual({
      port: 9000,
      host: '127.0.0.1',
      options: {
        dbPath: '/var/lib/tp.db', allowOrigins: ['https://shop.example', 'https://www.shop.example'],
        maxBodyBytes: 65536, rateLimit: { perMinute: 600 }, trustProxy: true, reportPassword: 's3cret',
      },
    })
  })

  it('chooses PostgreSQL when DATABASE_URL is set', () => {
    expect(settingsFromEnv({ DATABASE_URL: 'postgres://tp:pw@db.internal:5432/touchpoint' }).options.databaseUrl).toBe('postgres://tp:pw@db.internal:5432/touchpoint')
    expect(settingsFromEnv({ DATABASE_URL: '' }).options).not.toHaveProperty('databaseUrl')
  })

  it.each([
    [{ PORT: 'http' }, /PORT must be a whole number/],
    [{ MAX_BODY_BYTES: '1MB' }, /MAX_BODY_BYTES/],
    [{ ALLOW_ORIGINS: 'shop.example' }, /ALLOW_ORIGINS entries look like https:\/\/shop.example/],
    [{ RATE_LIMIT: 'fast' }, /RATE_LIMIT/],
    [{ DATABASE_URL: 'mysql://db/touchpoint' }, /DATABASE_URL must be a PostgreSQL URL/],
  ])('explains a setting it cannot use: %j', (env, message) => {
    expect(() => settingsFromEnv(env)).toThrow(SettingError)
    expect(() => settingsFromEnv(env)).toThrow(message)
  })
})
