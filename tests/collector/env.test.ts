// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { settingsFromEnv, SettingError } from '../../src/collector/env'

describe('settingsFromEnv', () => {
  const defaults = {
    dbPath: './touchpoint.db',
    allowOrigins: ['*'],
    maxBodyBytes: 1048576,
    rateLimit: { perMinute: 120 },
    answerLimit: { perMinute: 600 },
    trustProxy: false,
    retentionDays: 365,
    answerWindow: { maxAgeDays: 90, maxAheadHours: 24 },
    headersTimeoutMs: 10000,
    bodyTimeoutMs: 10000,
    requestTimeoutMs: 30000,
    maxConnections: 800,
    alerts: null,
  }

  it('has defaults that work without any setting, the report closed', () => {
    expect(settingsFromEnv({})).toEqual({ port: 8080, host: '0.0.0.0', options: defaults })
  })

  it('reads every variable', () => {
    const s = settingsFromEnv({
      PORT: '9000',
      HOST: '127.0.0.1',
      DB_PATH: '/var/lib/tp.db',
      ALLOW_ORIGINS: 'https://shop.example, https://www.shop.example/',
      MAX_BODY_BYTES: '65536',
      RATE_LIMIT: '10/s',
      ANSWER_LIMIT: '100/min',
      TRUST_PROXY: '10.0.0.0/8, ::1',
      REPORT_PASSWORD: 's3cret',
      REPORT_TOKEN: 'tok',
      RETENTION_DAYS: '30',
      MAX_ANSWER_AGE_DAYS: '14',
      HEADERS_TIMEOUT_MS: '5000',
      BODY_TIMEOUT_MS: '4000',
      REQUEST_TIMEOUT_MS: '20000',
      MAX_CONNECTIONS: '100',
      ALERT_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/x',
      ALERT_WEBHOOK_SECRET: 'whsec',
      ALERT_FORMAT: 'Slack',
      ALERT_DIGEST_MINUTES: '15',
    })
    expect(s).toEqual({
      port: 9000,
      host: '127.0.0.1',
      options: {
        dbPath: '/var/lib/tp.db',
        allowOrigins: ['https://shop.example', 'https://www.shop.example'],
        maxBodyBytes: 65536,
        rateLimit: { perMinute: 600 },
        answerLimit: { perMinute: 100 },
        trustProxy: ['10.0.0.0/8', '::1'],
        reportPassword: 's3cret',
        reportToken: 'tok',
        retentionDays: 30,
        answerWindow: { maxAgeDays: 14, maxAheadHours: 24 },
        headersTimeoutMs: 5000,
        bodyTimeoutMs: 4000,
        requestTimeoutMs: 20000,
        maxConnections: 100,
        alerts: {
          url: 'https://hooks.slack.com/services/T0/B0/x',
          secret: 'whsec',
          format: 'slack',
          digestMinutes: 15,
        },
      },
    })
  })

  it('chooses PostgreSQL when DATABASE_URL is set', () => {
    expect(settingsFromEnv({ DATABASE_URL: 'postgres://tp:pw@db.internal:5432/touchpoint' }).options.databaseUrl).toBe(
      'postgres://tp:pw@db.internal:5432/touchpoint',
    )
    expect(settingsFromEnv({ DATABASE_URL: '' }).options).not.toHaveProperty('databaseUrl')
  })

  it.each([
    ['1', 1],
    ['true', 1],
    ['2', 2],
    ['', false],
    ['false', false],
    ['192.168.1.5', ['192.168.1.5']],
  ] as const)('reads TRUST_PROXY=%j', (value, trustProxy) => {
    expect(settingsFromEnv({ TRUST_PROXY: value }).options.trustProxy).toEqual(trustProxy)
  })

  it('keeps answers for ever with RETENTION_DAYS=off', () => {
    expect(settingsFromEnv({ RETENTION_DAYS: 'off' }).options.retentionDays).toBeNull()
  })

  it.each([
    [{ PORT: 'http' }, /PORT must be a whole number/],
    [{ MAX_BODY_BYTES: '1MB' }, /MAX_BODY_BYTES/],
    [{ ALLOW_ORIGINS: 'shop.example' }, /ALLOW_ORIGINS entries look like https:\/\/shop.example/],
    [{ RATE_LIMIT: 'fast' }, /RATE_LIMIT/],
    [{ ANSWER_LIMIT: 'lots' }, /ANSWER_LIMIT must look like/],
    [{ REPORT_PASSWORD: '' }, /REPORT_PASSWORD .*is set but empty/],
    [{ REPORT_PASSWORD: '   ' }, /REPORT_PASSWORD .*is set but empty/],
    [{ REPORT_TOKEN: '' }, /REPORT_TOKEN .*is set but empty/],
    [{ ALERT_WEBHOOK_URL: 'hooks.example/x' }, /ALERT_WEBHOOK_URL must be an http\(s\) URL/],
    [{ ALERT_WEBHOOK_URL: 'https://hooks.example/x', ALERT_FORMAT: 'teams' }, /ALERT_FORMAT must be json or slack/],
    [
      { ALERT_WEBHOOK_URL: 'https://hooks.example/x', ALERT_DIGEST_MINUTES: 'hourly' },
      /ALERT_DIGEST_MINUTES must be a whole number/,
    ],
    [{ TRUST_PROXY: 'my-proxy' }, /TRUST_PROXY must be a number of proxies or their addresses/],
    [{ TRUST_PROXY: '10.0.0.0/40' }, /TRUST_PROXY/],
    [{ RETENTION_DAYS: 'a year' }, /RETENTION_DAYS must be a whole number/],
    [{ BODY_TIMEOUT_MS: '5s' }, /BODY_TIMEOUT_MS/],
    [{ DATABASE_URL: 'mysql://db/touchpoint' }, /DATABASE_URL must be a PostgreSQL URL/],
  ])('explains a setting it cannot use: %j', (env, message) => {
    expect(() => settingsFromEnv(env)).toThrow(SettingError)
    expect(() => settingsFromEnv(env)).toThrow(message)
  })
})
