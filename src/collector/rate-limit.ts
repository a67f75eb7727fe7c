/** Requests per client: a burst of `burst`, refilled at `perMinute` a minute. */
export interface RateLimitOptions {
  perMinute: number
  /** Default: `perMinute`. */
  burst?: number
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number }

export interface RateLimiter {
  /**
   * Takes `cost` tokens (default 1) for this client: `ok`, or how long to wait until they are
   * there. A cost above the burst passes once the bucket is full and leaves it in debt, so no
   * request is refused for ever.
   */
  take(client: string, cost?: number): Verdict
  /** Whether `take(client)` would pass now, without taking anything. */
  peek(client: string): Verdict
}

interface Bucket {
  tokens: number
  at: number
}

// Forgetting idle clients keeps memory bounded when many addresses pass by.
const SWEEP_EVERY = 1000

/**
 * A token bucket per client (the caller picks the key, usually the IP address). A client
 * that waits long enough is full again and is forgotten, so memory stays bounded.
 *
 * @example
 * const limiter = createRateLimiter({ perMinute: 120 })
 * limiter.take('203.0.113.7') // → { ok: true }
 */
export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  const burst = Math.max(1, options.burst ?? options.perMinute)
  const perMs = options.perMinute / 60_000
  const buckets = new Map<string, Bucket>()
  let calls = 0

  const refill = (b: Bucket, t: number) => Math.min(burst, b.tokens + (t - b.at) * perMs)

  const wait = (tokens: number, needed: number): Verdict =>
    tokens >= needed
      ? { ok: true }
      : { ok: false, retryAfterSeconds: perMs > 0 ? Math.ceil((needed - tokens) / perMs / 1000) : 60 }

  return {
    take(client, cost = 1) {
      const t = now()
      if (++calls % SWEEP_EVERY === 0) {
        for (const [key, b] of buckets) if (refill(b, t) >= burst) buckets.delete(key)
      }
      const b = buckets.get(client) ?? { tokens: burst, at: t }
      b.tokens = refill(b, t)
      b.at = t
      buckets.set(client, b)
      const verdict = wait(b.tokens, Math.min(cost, burst))
      if (verdict.ok) b.tokens -= cost
      return verdict
    },
    peek(client) {
      const b = buckets.get(client)
      return b ? wait(refill(b, now()), 1) : { ok: true }
    },
  }
}

/**
 * Reads `RATE_LIMIT`: `120` or `120/min` (per minute), `10/s`, `3000/h`; `0` or `off` turns it off.
 *
 * @example
 * parseRateLimit('10/s') // → { perMinute: 600 }
 */
export function parseRateLimit(text: string): RateLimitOptions | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|second|m|min|minute|h|hour))?\s*$/i.exec(text)
  if (!m) {
    if (/^\s*off\s*$/i.test(text)) return null
    throw new Error(`RATE_LIMIT must look like "120/min", "10/s" or "off", not "${text}"`)
  }
  const n = Number(m[1])
  if (n === 0) return null
  const unit = (m[2] ?? 'min').toLowerCase()
  const perMinute = unit.startsWith('s') ? n * 60 : unit.startsWith('h') ? n / 60 : n
  return { perMinute }
}
