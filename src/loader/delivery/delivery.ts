import type { Note, TransportChunk } from '../../shared/contract.js'
import type { Config } from '../../shared/options.js'
import type { Emitter } from '../core/emitter.js'
import type { SafeStorage } from '../lib/storage.js'
import type { SurveyDisplay, SurveyResponse } from '../../shared/types.js'
import { OUTBOX_CAP, createOutbox } from './outbox.js'
import { beacon } from './beacon.js'
import { readDisplay } from './read-response.js'
import { watchFlushTriggers, type LeaveWindow } from './flush-triggers.js'
import { whenIdle, type IdleWindow } from '../lib/when-idle.js'
import { toJson } from '../../shared/to-json.js'

/** How long a draft (score chosen, Send not pressed) is left to its own page before any tab may send it. */
export const DRAFT_MS = 600000

/** Longest wait between tries to load a transport chunk that keeps failing. */
export const CHUNK_RETRY_MAX_MS = 300000

/** What delivery uses; nothing else of the running widget. */
export interface DeliveryDeps {
  /** The page: its leave and online events, whether it is online, when it is idle. */
  win: LeaveWindow & IdleWindow & { navigator: Pick<Navigator, 'onLine'> }
  /** Only built with an endpoint. */
  config: Pick<Config, 'endpoint' | 'flushMs' | 'batchSize'>
  storage: SafeStorage
  loadChunk(name: 'transport'): Promise<TransportChunk>
  emit: Emitter['emit']
  log(note: Note): void
  /** The chosen scores not yet sent as answers (the survey session owns them): stored as answers when the page is left. */
  drafts(): SurveyResponse[]
}

export interface Delivery {
  /**
   * Stores an answer at once, then sends it on a trigger. `final` false: a draft the shopper may
   * still complete, which no tab sends for DRAFT_MS unless this page is left first.
   */
  record(response: SurveyResponse, final: boolean): void
  /** Stores a display (a survey shown or dismissed) at once, then sends it with the next batch. */
  display(display: SurveyDisplay): void
  /** Sends every due answer; resolves once they are handed to the network (or nothing is to send). */
  flush(): Promise<void>
}

/**
 * The loader's half of delivery (docs/delivery.md): the persistent outbox, the flush triggers
 * and the beacon on page leave. Sending, retries and the cross-tab lock live in the transport
 * chunk, loaded only when answers are due.
 *
 * @example
 * const delivery = createDelivery({ win, config, storage, loadChunk, emit, log, drafts: session.drafts })
 * delivery.record(response, true)
 */
export function createDelivery(deps: DeliveryDeps): Delivery {
  const { win, config, emit, log } = deps
  const endpoint = config.endpoint!
  const name = 'tp:o:' + endpoint
  const onDrop = (message: string) => {
    console.warn(message) // the message is built here anyway, for the error event
    emit('error', { code: 'outbox', message })
  }
  const outbox = createOutbox(deps.storage, name, onDrop)
  // Displays wait apart, so that they can never push an answer out of its outbox.
  const displays = createOutbox(deps.storage, 'tp:d:' + endpoint, onDrop, readDisplay)
  const due = () => outbox.due().length + displays.due().length
  // What this page view already beaconed (hidden, then pagehide, must not send it twice).
  const beaconed: Record<string, 1> = {}
  let timer: ReturnType<typeof setTimeout> | 0 = 0
  let running: Promise<void> | null = null
  // The wait before the next try to load a transport chunk that failed (CDN hiccup, blocked by an
  // extension, an old chunk); 0 once it loads. The first failure is reported, each doubles the wait.
  let chunkWait = 0

  const later = (ms: number) => {
    timer ||= setTimeout(() => {
      timer = 0
      flush()
    }, ms)
  }

  async function attempt(handed?: () => void) {
    clearTimeout(timer as never)
    timer = 0
    // While offline nothing is tried: the `online` event flushes. The debug log says why nothing went.
    const offline = win.navigator.onLine === false
    if (offline || !due()) return log({ code: 'not-sending', offline })
    let again = config.flushMs
    let transport: TransportChunk
    try {
      transport = await deps.loadChunk('transport')
      chunkWait = 0
    } catch (err) {
      log({ code: 'failed', what: 'delivery', error: err })
      if (!chunkWait) emit('error', { code: 'chunk', message: String(err) })
      later((chunkWait = Math.min(CHUNK_RETRY_MAX_MS, Math.max(2 * chunkWait, again, 100))))
      return
    }
    try {
      // Read inside the lock: another tab may have sent some of them meanwhile.
      const next = await transport.withLock(name, async () => {
        const responses = outbox.due()
        const shown = displays.due()
        const ids = responses.map((r) => r.id)
        if (!ids.length && !shown.length) return -1
        const batch = { v: 1 as const, sent_at: new Date().toISOString(), responses, displays: shown }
        const { ok, status, retry, retryAfterMs } = await transport.send(endpoint, batch, undefined, handed)
        if (ok || !retry) {
          outbox.remove(ids)
          displays.remove(shown.map((d) => d.id))
        }
        if (ok) {
          // `sent` names answers; a batch of displays alone is sent quietly.
          if (ids.length) emit('sent', { ids })
          return -1
        }
        const message = `${retry ? 'send failed, will retry' : 'refused, answers dropped'} (${status || 'network'})`
        log({ code: 'delivery', message })
        emit('error', { code: retry ? 'network' : 'rejected', message, status, ids })
        return retry ? retryAfterMs || again : -1
      })
      if (next != null) again = next // null: another tab holds the lock and is sending
    } catch (error) {
      log({ code: 'failed', what: 'delivery', error })
    }
    if (again >= 0 && due()) later(Math.max(again, 100))
  }

  // One attempt at a time; `handed` hears when this attempt's request goes out.
  const flush = (handed?: () => void): Promise<void> =>
    running ? running.then(() => flush(handed)) : (running = attempt(handed).finally(() => (running = null)))

  watchFlushTriggers(
    win,
    () => flush(),
    (left) => {
      // The page is going: what the shopper chose is their answer now.
      if (left) for (const draft of deps.drafts()) outbox.put(draft)
      const fresh = (entry: object) => {
        const key = toJson(entry)
        return !beaconed[key] && (beaconed[key] = 1)
      }
      beacon(endpoint, outbox.due().filter(fresh), displays.due().filter(fresh))
    },
  )
  // Leftovers of earlier page views, once the page has loaded and the browser is idle: the first
  // storage read of a page is a synchronous trip to the browser (~2 ms in Chromium) that the
  // store's own page need not wait for. They are safe in storage meanwhile.
  whenIdle(win, () => flush())

  return {
    record(response, final) {
      const ids = outbox.put(response, final ? 0 : Date.now() + DRAFT_MS)
      if (ids.length)
        emit('error', { code: 'overflow', message: `more than ${OUTBOX_CAP} answers waiting; dropped the oldest`, ids })
      if (!final) return
      if (outbox.due().length >= config.batchSize) flush()
      else later(config.flushMs)
    },
    display(display) {
      // Past the cap the oldest displays go quietly: they only count, an answer is never lost to them.
      displays.put(display)
      later(config.flushMs)
    },
    // touchpoint.flush() resolves once the batch is on the wire, not after a server's retries.
    flush: () => new Promise<void>((resolve) => void flush(resolve).then(resolve)),
  }
}
