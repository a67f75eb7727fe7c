import type { Context } from '../core/context'
import type { SurveyResponse } from '../types'
import { OUTBOX_CAP, createOutbox } from './outbox'
import { beacon } from './beacon'
import { watchFlushTriggers } from './flush-triggers'
import { toJson } from '../lib/to-json'

/** How long a draft (score chosen, Send not pressed) is left to its own page before any tab may send it. */
export const DRAFT_MS = 600000

export interface Delivery {
  /** Stores an answer at once (`final` false: a draft the shopper may still complete), then sends it on a trigger. */
  record(response: SurveyResponse, final: boolean): void
  /** Sends every due answer; resolves once they are handed to the network (or nothing is to send). */
  flush(): Promise<void>
}

/**
 * The loader's half of delivery (docs/delivery.md): the persistent outbox, the flush triggers
 * and the beacon on page leave. Sending, retries and the cross-tab lock live in the transport
 * chunk, loaded only when answers are due.
 *
 * @example
 * const delivery = createDelivery(ctx)
 * delivery.record(response, true)
 */
export function createDelivery(ctx: Context): Delivery {
  const { config, emit, log } = ctx
  const endpoint = config.endpoint!
  const name = 'tp:o:' + endpoint
  const outbox = createOutbox(ctx.storage, name, (message) => {
    ctx.warn(message)
    emit('error', { code: 'outbox', message })
  })
  // This page's drafts: they become answers when the page is left.
  const drafts: Record<string, SurveyResponse> = {}
  // What this page view already beaconed (hidden, then pagehide, must not send it twice).
  const beaconed: Record<string, 1> = {}
  let timer: ReturnType<typeof setTimeout> | 0 = 0
  let running: Promise<void> | null = null

  const later = (ms: number) => (timer ||= setTimeout(() => ((timer = 0), flush()), ms))

  async function attempt(handed?: () => void) {
    clearTimeout(timer as never)
    timer = 0
    // While offline nothing is tried: the `online` event flushes.
    if (!outbox.due().length || ctx.win.navigator.onLine === false) return
    let again = config.flushMs
    try {
      const transport = await ctx.loadChunk('transport')
      // Read inside the lock: another tab may have sent some of them meanwhile.
      const next = await transport.withLock(name, async () => {
        const responses = outbox.due()
        const ids = responses.map((r) => r.id)
        if (!ids.length) return -1
        const { ok, status, retry, retryAfterMs } = await transport.send(endpoint, { v: 1, sent_at: new Date().toISOString(), responses }, undefined, handed)
        if (ok || !retry) outbox.remove(ids)
        if (ok) return emit('sent', { ids }), -1
        const message = `${retry ? 'send failed, will retry' : 'refused, answers dropped'} (${status || 'network'})`
        log(message)
        emit('error', { code: retry ? 'network' : 'rejected', message, status, ids })
        return retry ? retryAfterMs || again : -1
      })
      if (next != null) again = next // null: another tab holds the lock and is sending
    } catch (err) {
      log('delivery failed', err)
    }
    if (again >= 0 && outbox.due().length) later(Math.max(again, 100))
  }

  // One attempt at a time; `handed` hears when this attempt's request goes out.
  const flush = (handed?: () => void): Promise<void> =>
    running ? running.then(() => flush(handed)) : (running = attempt(handed).finally(() => (running = null)))

  watchFlushTriggers(ctx.win, () => flush(), (left) => {
    // The page is going: what the shopper chose is their answer now.
    // Own keys only: a page's enumerable Object.prototype additions are not drafts.
    if (left) for (const id of Object.keys(drafts)) outbox.put(drafts[id])
    beacon(
      endpoint,
      outbox.due().filter((r) => {
        const key = toJson(r)
        return !beaconed[key] && (beaconed[key] = 1)
      }),
    )
  })
  // Leftovers of earlier page views, once the page has loaded and the browser is idle: the first
  // storage read of a page is a synchronous trip to the browser (~2 ms in Chromium) that the
  // store's own page need not wait for. They are safe in storage meanwhile.
  const win = ctx.win
  const leftovers = () => (win.requestIdleCallback ? win.requestIdleCallback(() => flush(), { timeout: 3000 }) : setTimeout(() => flush(), 1))
  win.document.readyState == 'complete' ? leftovers() : win.addEventListener('load', leftovers)

  return {
    record(response, final) {
      final ? delete drafts[response.id] : (drafts[response.id] = response)
      const ids = outbox.put(response, final ? 0 : Date.now() + DRAFT_MS)
      if (ids.length) emit('error', { code: 'overflow', message: `more than ${OUTBOX_CAP} answers waiting; dropped the oldest`, ids })
      if (final) outbox.due().length >= config.batchSize ? flush() : later(config.flushMs)
    },
    // touchpoint.flush() resolves once the batch is on the wire, not after a server's retries.
    flush: () => new Promise<void>((resolve) => void flush(resolve).then(resolve)),
  }
}
