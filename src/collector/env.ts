import { DEFAULT_ANSWER_WINDOW } from './answer-time.js'
import { parseTrustProxy } from './client-address.js'
import { parseRateLimit } from './rate-limit.js'
import { checkReportAccess } from './report-auth.js'
import type { CollectorOptions } from './server.js'
import { SettingError } from './setting-error.js'

export { SettingError }

export interface CollectorSettings {
  port: number
  host: string
  options: CollectorOptions
}

/**
 * Reads the collector's settings from the environment (README, "Collector and journey report"):
 * `PORT` (8080), `HOST` (0.0.0.0), `DATABASE_URL` (`postgres://…`: PostgreSQL instead of SQLite),
 * `DB_PATH` (./touchpoint.db, the SQLite file), `ALLOW_ORIGINS` (comma-separated
 * origins, default `*`), `MAX_BODY_BYTES` (1048576), `RATE_LIMIT` (`120/min`, `10/s`, `off`),
 * `ANSWER_LIMIT` (`600/min`), `TRUST_PROXY` (proxy count or addresses), `REPORT_PASSWORD` and
 * `REPORT_TOKEN` (without either the report is closed), `RETENTION_DAYS` (365, `off`),
 * `MAX_ANSWER_AGE_DAYS` (90), `HEADERS_TIMEOUT_MS` (10000), `BODY_TIMEOUT_MS` (10000),
 * `REQUEST_TIMEOUT_MS` (30000), `MAX_CONNECTIONS` (800), `ALERT_WEBHOOK_URL`, `ALERT_WEBHOOK_SECRET`,
 * `ALERT_FORMAT` (json, slack), `ALERT_DIGEST_MINUTES` (0: every batch). Throws a `SettingError` naming the
 * variable for a value it cannot use, an empty password included.
 *
 * @example
 * settingsFromEnv({ PORT: '9000', ALLOW_ORIGINS: 'https://shop.example' }).options.allowOrigins
 * // → ['https://shop.example']
 */
export function settingsFromEnv(env: Record<string, string | undefined>): CollectorSettings {
  const port = integer(env, 'PORT', 8080, 0, 65535)
  const allowOrigins = (env.ALLOW_ORIGINS ?? '*')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  for (const origin of allowOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new SettingError(`ALLOW_ORIGINS entries look like https://shop.example (no path), not "${origin}"`)
    }
  }
  const access = { password: env.REPORT_PASSWORD, token: env.REPORT_TOKEN }
  checkReportAccess(access)
  const databaseUrl = env.DATABASE_URL?.trim()
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new SettingError(
      'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database); leave it unset for SQLite at DB_PATH',
    )
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    options: {
      ...(databaseUrl ? { databaseUrl } : {}),
      dbPath: env.DB_PATH || './touchpoint.db',
      allowOrigins,
      maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1, 64 * 1024 * 1024),
      rateLimit: reading('RATE_LIMIT', () => parseRateLimit(env.RATE_LIMIT ?? '120/min')),
      answerLimit: reading('ANSWER_LIMIT', () => parseRateLimit(env.ANSWER_LIMIT ?? '600/min')),
      trustProxy: reading('TRUST_PROXY', () => parseTrustProxy(env.TRUST_PROXY ?? '')),
      ...(access.password ? { reportPassword: access.password } : {}),
      ...(access.token ? { reportToken: access.token } : {}),
      retentionDays: /^\s*(off|0)\s*$/i.test(env.RETENTION_DAYS ?? '')
        ? null
        : integer(env, 'RETENTION_DAYS', 365, 1, 36500),
      answerWindow: {
        ...DEFAULT_ANSWER_WINDOW,
        maxAgeDays: integer(env, 'MAX_ANSWER_AGE_DAYS', DEFAULT_ANSWER_WINDOW.maxAgeDays, 1, 3650),
      },
      headersTimeoutMs: integer(env, 'HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
      bodyTimeoutMs: integer(env, 'BODY_TIMEOUT_MS', 10_000, 100, 600_000),
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
      maxConnections: integer(env, 'MAX_CONNECTIONS', 800, 1, 1_000_000),
      alerts: alertsFromEnv(env),
    },
  }
}

function alertsFromEnv(env: Record<string, string | undefined>): CollectorOptions['alerts'] {
  const url = env.ALERT_WEBHOOK_URL?.trim()
  if (!url) return null
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new SettingError(`ALERT_WEBHOOK_URL must be an http(s) URL, not "${url}"`)
  const format = (env.ALERT_FORMAT ?? 'json').trim().toLowerCase()
  if (format !== 'json' && format !== 'slack')
    throw new SettingError(`ALERT_FORMAT must be json or slack, not "${env.ALERT_FORMAT}"`)
  if (env.ALERT_WEBHOOK_SECRET !== undefined && !env.ALERT_WEBHOOK_SECRET.trim())
    throw new SettingError('ALERT_WEBHOOK_SECRET is set but empty')
  return {
    url,
    format,
    ...(env.ALERT_WEBHOOK_SECRET ? { secret: env.ALERT_WEBHOOK_SECRET } : {}),
    digestMinutes: integer(env, 'ALERT_DIGEST_MINUTES', 0, 0, 1440),
  }
}

function reading<T>(name: string, parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    throw new SettingError((err as Error).message.replace(/^RATE_LIMIT/, name))
  }
}

function integer(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = env[name] ?? String(fallback)
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || n < min || n > max)
    throw new SettingError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`)
  return n
}
