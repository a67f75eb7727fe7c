import type { SafeStorage } from '../lib/storage.js'
import { toJson } from '../../shared/to-json.js'
import { OUTBOX_CAP, parseStored, type Stored } from '../../shared/outbox-list.js'

/** The loader's half of an outbox: writing to it, and telling whether anything waits in it. */
export interface OutboxWriter<T extends { id: string }> {
  /** Stores an entry, or replaces the one with the same id in place; returns the ids dropped by the cap. */
  put(entry: T, draftUntil?: number): string[]
  /** Something is stored that a tab may send now (unchecked: the transport chunk checks it when it reads). */
  waiting(): boolean
}

/**
 * Writes answers (or displays) to the outbox under `key` at once, so that an answer given is in
 * storage before any chunk loads: it survives reloads and is shared by the store's tabs. Storage
 * that is blocked or full falls back to memory (SafeStorage). Entries are not checked here; the
 * transport chunk checks each one against the wire schema when it reads them to send
 * (src/transport/outbox.ts). Stored text cut short keeps the entries before the cut, with one
 * call of `onDrop`.
 *
 * @example
 * const outbox = createOutbox(storage, answersKey(endpoint), warn)
 * outbox.put(response) // before any send
 * if (outbox.waiting()) loadTransport()
 */
export function createOutbox<T extends { id: string }>(
  storage: SafeStorage,
  key: string,
  onDrop: (message: string) => void,
): OutboxWriter<T> {
  const read = () => parseStored(storage.get(key) || '[]') as [Stored<T>[], boolean]
  return {
    put(entry, draftUntil) {
      const [list, damaged] = read()
      if (damaged) onDrop(`touchpoint: dropped unreadable data in ${key}`)
      const stored: Stored<T> = draftUntil ? { ...entry, _d: draftUntil } : entry
      // Whatever else the list holds is left for the transport chunk to check and drop.
      const at = list.findIndex((other) => other && other.id == entry.id)
      if (at < 0) list.push(stored)
      else list[at] = stored
      const dropped = list.splice(0, list.length - OUTBOX_CAP)
      storage.set(key, toJson(list))
      // Only answers are named: a dropped entry of something else was never one.
      return dropped.filter((other) => other && typeof other.id == 'string').map((other) => other.id)
    },
    // A draft whose page may still complete it is not waiting; anything else is, even if unreadable.
    waiting: () => read()[0].some((entry) => !(entry && entry._d! > Date.now())),
  }
}
