import { parseRateLimit } from './rate-limit'
import type { CollectorOptions } from './server'

export interface CollectorSettings {
  port: number
  host: string
  options: CollectorOptions
}

/** A setting in the environment that cannot be used. */
export class SettingError extends Error {
  readonly name = 'SettingError'
}

/**
 * Reads the collector's settings from the environment:
 * `PORT` (8080), `HOST` (0.0.0.0), `DATABASE_URL` (`postgres://…`: PostgreSQL instead of SQLite),
 * `DB_PATH` (./touchpoint.db, the SQLite file), `ALLOW_ORIGINS` (comma-separated
 * origins, default `*`), `MAX_BODY_BYTES` (1048576), `RATE_LIMIT` (`120/min`, `10/s`, `off`),
 * `TRUST_PROXY` (`1` behind a reverse proxy), `REPORT_PASSWORD` (asks for it on the report pages).
 *
 * @example
 * settingsFromEnv({ PORT: '9000', ALLOW_ORIGINS: 'https://shop.example' }).options.allowOrigins
 * // → ['https://shop.example']
 */
export function settingsFromEnv(env: Record<string, string | undefined>): CollectorSettings {
  const port = integer(env.PORT ?? '8080', 'PORT', 0, 65535)
  const maxBodyBytes = integer(env.MAX_BODY_BYTES ?? String(1024 * 1024), 'MAX_BODY_BYTES', 1, 64 * 1024 * 1024)
  let rateLimit
  try {
    rateLimit = parseRateLimit(env.RATE_LIMIT ?? '120/min')
  } catch (err) {
    throw new SettingError((err as Error).message)
  }
  const allowOrigins = (env.ALLOW_ORIGINS ?? '*').split(',').map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean)
  for (const origin of allowOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new SettingError(`ALLOW_ORIGINS entries look like https://shop.example (no path), not "${origin}"`)
    }
  }
  const databaseUrl = env.DATABASE_URL?.trim()
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new SettingError('DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database); leave it unset for SQLite at DB_PATH')
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    options: {
      ...(databaseUrl ? { databaseUrl } : {}),
      dbPath: env.DB_PATH || './touchpoint.db',
      allowOrigins,
      maxBodyBytes,
      rateLimit,
      trustProxy: /^(1|true|yes)$/i.test(env.TRUST_PROXY ?? ''),
      ...(env.REPORT_PASSWORD ? { reportPassword: env.REPORT_PASSWORD } : {}),
    },
  }
}

function integer(text: string, name: string, min: number, max: number): number {
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new SettingError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`)
  return n
}
