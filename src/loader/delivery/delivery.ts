import type { Courier, DeliveryHost, Note, TransportChunk } from '../../shared/contract.js'
import type { Config } from '../../shared/options.js'
import type { Emitter } from '../core/emitter.js'
import type { SafeStorage } from '../lib/storage.js'
import type { SurveyDisplay, SurveyResponse } from '../../shared/types.js'
import { OUTBOX_CAP, answersKey, displaysKey } from '../../shared/outbox-list.js'
import { createOutbox } from './outbox.js'
import { beaconAnswers } from './beacon-answers.js'
import { watchFlushTriggers, type LeaveWindow } from './flush-triggers.js'
import { whenIdle, type IdleWindow } from '../lib/when-idle.js'

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
 * The loader's half of delivery (docs/delivery.md): what every page view needs for no answer to
 * be lost. It writes answers and displays to the persistent outboxes at once, stores this page's
 * drafts as answers when the page is left, and decides when the transport chunk must load: a
 * display or answer recorded (a survey on screen: the chunk is there, beacon included, before the
 * shopper answers), leftovers found at idle, `online`, `touchpoint.flush()`. The chunk's courier
 * does the sending (batches, the lock, retries, events, beacons). A chunk that does not load is
 * reported once and tried again after a growing wait; the answers wait in storage meanwhile.
 *
 * @example
 * const delivery = createDelivery({ win, config, storage, loadChunk, emit, log, drafts: session.drafts })
 * delivery.record(response, true)
 */
export function createDelivery(deps: DeliveryDeps): Delivery {
  const { win, config, emit } = deps
  // Lent to the courier too: one wording of a drop, whichever half finds it.
  const onDrop = (message: string) => {
    console.warn(message) // the message is built here anyway, for the error event
    emit('error', { code: 'outbox', message })
  }
  const outbox = createOutbox<SurveyResponse>(deps.storage, answersKey(config.endpoint!), onDrop)
  // Displays wait apart, so that they can never push an answer out of its outbox.
  const displays = createOutbox<SurveyDisplay>(deps.storage, displaysKey(config.endpoint!), onDrop)
  // What the chunk's courier is lent: no more of the running widget than it needs.
  const host: DeliveryHost = {
    storage: deps.storage,
    config,
    emit,
    log: deps.log,
    onDrop,
    offline: () => win.navigator.onLine === false,
  }
  // This page view's final answers and displays, for a page left before the chunk has arrived (below).
  const given: (SurveyResponse | SurveyDisplay)[] = []
  const beaconed: Record<string, 1> = {}
  let courier: Courier | undefined
  let loading: Promise<Courier | void> | undefined
  // The wait before the next try to load a transport chunk that failed (CDN hiccup, blocked by an
  // extension, an old chunk); once it loads it stays for the page view. The first failure is
  // reported, each doubles the wait.
  let chunkWait = 0
  let retry: ReturnType<typeof setTimeout> | 0 = 0

  // The transport chunk's courier, loaded once, one load at a time; nothing while it fails. Async
  // functions: their promises are the browser's own, whatever the page did to `Promise`.
  async function fetchCourier(): Promise<Courier | void> {
    try {
      const transport = await deps.loadChunk('transport')
      if (!transport.deliver) throw Error('touchpoint-transport.js is older than its loader')
      courier ||= transport.deliver(host)
      // Arrived while the page is hidden (the shopper answered and switched apps): a hidden page may
      // never run its timers again, so what waits goes now.
      if (win.document.visibilityState == 'hidden') courier.leave()
      return courier
    } catch (error) {
      deps.log({ code: 'failed', what: 'delivery', error })
      if (!chunkWait) emit('error', { code: 'chunk', message: String(error) })
      chunkWait = Math.min(CHUNK_RETRY_MAX_MS, Math.max(2 * chunkWait, config.flushMs, 100))
      retry ||= setTimeout(() => void flush(), chunkWait)
    } finally {
      loading = undefined
    }
  }
  const load = async () => courier || (loading ||= fetchCourier())

  // Something was stored: the courier sends it in its time. While a failed load waits to be tried
  // again, that retry sends a display; an answer tries once more at once (the shopper may be about
  // to close the tab).
  const queued = (answer: boolean) =>
    void (
      (answer || !retry) &&
      load()
        .then((loaded) => loaded && loaded.queued(answer))
        .catch((error) => deps.log({ code: 'failed', what: 'delivery', error }))
    )

  // touchpoint.flush(), `online`, the leftovers at idle and the retries of a failed load. Nothing
  // waiting, or offline: the chunk is not needed, and the debug log says why nothing went.
  async function flush(handed?: () => void): Promise<void> {
    clearTimeout(retry as never)
    retry = 0
    const offline = host.offline()
    if (offline || !(outbox.waiting() || displays.waiting())) return deps.log({ code: 'not-sending', offline })
    const loaded = await load()
    if (loaded) await loaded.flush(handed)
  }

  watchFlushTriggers(
    win,
    () => void flush(),
    (left) => {
      // The page is going: what the shopper chose is their answer now, in storage for the next page view.
      if (left)
        for (const draft of deps.drafts()) {
          outbox.put(draft)
          given.push(draft)
        }
      if (courier) courier.leave()
      // Without the chunk (not arrived yet, blocked by an extension), this page view's own answers
      // and displays still go by beacon: known objects, no storage to check. They stay stored as
      // well, and the next page view sends them again; the collector ignores ids it already has.
      else {
        const fresh = given.filter((entry) => !beaconed[entry.id] && (beaconed[entry.id] = 1))
        if (fresh.length) beaconAnswers(config.endpoint!, fresh)
      }
    },
  )
  // Leftovers of earlier page views, once the page has loaded and the browser is idle: the first
  // storage read of a page is a synchronous trip to the browser (~2 ms in Chromium) that the
  // store's own page need not wait for. They are safe in storage meanwhile. A failed load's retry,
  // already waiting, sends them in its time.
  whenIdle(win, () => void (retry || flush()))
  return {
    record(response, final) {
      const ids = outbox.put(response, final ? 0 : Date.now() + DRAFT_MS)
      if (ids.length)
        emit('error', { code: 'overflow', message: `more than ${OUTBOX_CAP} answers waiting; dropped the oldest`, ids })
      if (!final) return
      given.push(response)
      queued(true)
    },
    display(display) {
      // Past the cap the oldest displays go quietly: they only count, an answer is never lost to them.
      displays.put(display)
      given.push(display)
      queued(false)
    },
    // touchpoint.flush() resolves once the batch is on the wire, not after a server's retries.
    flush: () => new Promise<void>((resolve) => void flush(resolve).then(resolve)),
  }
}
