import type { SurveyResponse } from '../../shared/types.js'
import { isLowScore } from '../report-vocabulary.js'
import { alertBody, type AlertAnswer, type AlertFormat } from './payload.js'
import { signAlert, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './sign.js'

export interface AlertOptions {
  /** Where to POST (ALERT_WEBHOOK_URL). */
  url: string
  /** Shared secret for the HMAC-SHA256 signature (ALERT_WEBHOOK_SECRET); unsigned without one. */
  secret?: string
  /** `json` (default) or `slack` (ALERT_FORMAT). */
  format?: AlertFormat
  /** 0: one message per arriving batch of low scores. N: at most one message per N minutes (ALERT_DIGEST_MINUTES). */
  digestMinutes?: number
  /** A link to the report in the message. */
  reportUrl?: string
  /** Attempts per message before it is dropped with a log line. Default 6 (1 + 5 retries, 1 s … 16 s apart). */
  attempts?: number
  /** First retry delay in ms; doubles each time. Default 1000. */
  retryDelayMs?: number
  /** Answers held while the webhook is down; past it the oldest are dropped with a log line. Default 1000. */
  maxQueued?: number
  log?: (message: string) => void
  fetch?: typeof fetch
  now?: () => number
}

export interface Alerter {
  /** Hands over stored answers; the low ones are queued. Never throws, never waits. */
  notify(answers: readonly SurveyResponse[]): void
  /** Sends what is queued now (for shutdown and tests); resolves when every send has settled. */
  flush(): Promise<void>
  /** Stops timers and retries; what is still queued is lost (it lives in memory only). */
  close(): Promise<void>
}

// Ids seen lately: a retried batch (the widget resends until it gets a 2xx) alerts once.
const REMEMBERED_IDS = 10_000

/**
 * Alerts on low scores (NPS 0–6, CSAT 1–2, frustrated or disappointed, CES 1–2): a signed JSON
 * or Slack message POSTed to a webhook, retried with exponential backoff, in a digest when
 * asked. Collection never waits for it: `notify` only queues, in memory, so a restart loses
 * alerts not yet sent (never answers: those are already on disk).
 *
 * @example
 * const alerter = createAlerter({ url: process.env.ALERT_WEBHOOK_URL, secret: process.env.ALERT_WEBHOOK_SECRET, digestMinutes: 15 })
 * alerter.notify(storedAnswers)
 */
export function createAlerter(options: AlertOptions): Alerter {
  const {
    url,
    secret,
    format = 'json',
    digestMinutes = 0,
    attempts = 6,
    retryDelayMs = 1000,
    maxQueued = 1000,
  } = options
  const log = options.log ?? ((m: string) => console.warn(`[touchpoint-collector] ${m}`))
  const send = options.fetch ?? fetch
  const now = options.now ?? Date.now
  let queue: AlertAnswer[] = []
  const seen = new Set<string>()
  const inFlight = new Set<Promise<void>>()
  const timers = new Set<NodeJS.Timeout>()
  // Retries waiting out their backoff; close() wakes them so they see `closed` and stop.
  const waiting = new Set<() => void>()
  let digestTimer: NodeJS.Timeout | null = null
  let closed = false

  const later = (ms: number, work: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      work()
    }, ms)
    timer.unref()
    timers.add(timer)
  }

  async function deliver(answers: AlertAnswer[]): Promise<void> {
    const body = alertBody(answers, format, new Date(now()).toISOString(), options.reportUrl)
    for (let attempt = 1; attempt <= attempts && !closed; attempt++) {
      const timestamp = String(Math.floor(now() / 1000))
      const headers: Record<string, string> = { 'Content-Type': 'application/json', [TIMESTAMP_HEADER]: timestamp }
      if (secret) headers[SIGNATURE_HEADER] = signAlert(secret, timestamp, body)
      let retry = true
      let problem = ''
      try {
        const res = await send(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })
        await res.arrayBuffer().catch(() => {})
        if (res.ok) return
        // A 4xx other than 408/429 will not pass on a second try: the receiver refuses it.
        retry = res.status === 408 || res.status === 429 || res.status >= 500
        problem = `HTTP ${res.status}`
      } catch (err) {
        problem = (err as Error).message
      }
      if (!retry || attempt === attempts) {
        log(`alert webhook: ${answers.length} low scores not delivered (${problem})`)
        return
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiting.delete(wake)
          resolve()
        }
        waiting.add(wake)
        later(retryDelayMs * 2 ** (attempt - 1), wake)
      })
    }
  }

  function sendQueued(): Promise<void> {
    if (!queue.length) return Promise.resolve()
    const answers = queue
    queue = []
    const sending = deliver(answers).catch((err: Error) => log(`alert webhook: ${err.message}`))
    inFlight.add(sending)
    void sending.finally(() => inFlight.delete(sending))
    return sending
  }

  return {
    notify(answers) {
      if (closed) return
      try {
        const low = answers.filter((a) => isLowScore(a.kind, a.score) && !seen.has(a.id))
        if (!low.length) return
        for (const a of low) {
          seen.add(a.id)
          if (seen.size > REMEMBERED_IDS) seen.delete(seen.values().next().value!)
          const { id, kind, score, emotion, comment, stage, touchpoint, survey, url: page, locale, at } = a
          queue.push({ id, kind, score, emotion, comment, stage, touchpoint, survey, url: page, locale, at })
        }
        if (queue.length > maxQueued) {
          log(`alert webhook: ${queue.length - maxQueued} queued low scores dropped (the webhook is not keeping up)`)
          queue = queue.slice(-maxQueued)
        }
        if (!digestMinutes) later(0, () => void sendQueued())
        else if (!digestTimer) {
          digestTimer = setTimeout(() => {
            digestTimer = null
            void sendQueued()
          }, digestMinutes * 60_000)
          digestTimer.unref()
        }
      } catch (err) {
        log(`alert webhook: ${(err as Error).message}`)
      }
    },
    async flush() {
      await sendQueued()
      await Promise.all([...inFlight])
    },
    async close() {
      closed = true
      if (digestTimer) clearTimeout(digestTimer)
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const wake of [...waiting]) wake()
      await Promise.allSettled([...inFlight])
    },
  }
}
