import type { Courier, DeliveryHost, TransportChunk } from '../shared/contract.js'
import { answersKey, displaysKey } from '../shared/outbox-list.js'
import { toJson } from '../shared/to-json.js'
import { beacon } from './beacon.js'
import { readOutbox } from './outbox.js'
import { readDisplay } from './read-response.js'

/**
 * The sending half of delivery (docs/delivery.md), built once per loader when the transport chunk
 * first loads: the flush loop, its timer, the cross-tab lock, what a send's result means for the
 * outboxes, the `sent` and `error` events, and the beacon on page leave. The loader keeps the
 * rest: writing answers and displays to the outboxes at once, and deciding when to load this chunk.
 *
 * @example
 * const courier = createCourier(host, { send, withLock })
 * courier.queued(true) // the loader stored a final answer
 */
export function createCourier(host: DeliveryHost, transport: Pick<TransportChunk, 'send' | 'withLock'>): Courier {
  const { config, emit, log, onDrop } = host
  const endpoint = config.endpoint!
  const name = answersKey(endpoint)
  const outbox = readOutbox(host.storage, name, onDrop)
  const displays = readOutbox(host.storage, displaysKey(endpoint), onDrop, readDisplay)
  const due = () => outbox.due().length + displays.due().length
  // What this page view already beaconed (hidden, then pagehide, must not send it twice).
  const beaconed: Record<string, 1> = {}
  let timer: ReturnType<typeof setTimeout> | 0 = 0
  let running: Promise<void> | null = null

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
    const offline = host.offline()
    if (offline || !due()) return log({ code: 'not-sending', offline })
    let again = config.flushMs
    try {
      // Read inside the lock: another tab may have sent some of them meanwhile.
      const next = await transport.withLock(name, async () => {
        const responses = outbox.due()
        const shown = displays.due()
        const ids = responses.map((response) => response.id)
        if (!ids.length && !shown.length) return -1
        const batch = { v: 1 as const, sent_at: new Date().toISOString(), responses, displays: shown }
        const { ok, status, retry, retryAfterMs } = await transport.send(endpoint, batch, undefined, handed)
        if (ok || !retry) {
          outbox.remove(ids)
          displays.remove(shown.map((display) => display.id))
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

  return {
    queued(answer) {
      if (answer && outbox.due().length >= config.batchSize) flush()
      else later(config.flushMs)
    },
    flush,
    leave() {
      const fresh = (entry: object) => {
        const key = toJson(entry)
        return !beaconed[key] && (beaconed[key] = 1)
      }
      beacon(endpoint, outbox.due().filter(fresh), displays.due().filter(fresh))
    },
  }
}
