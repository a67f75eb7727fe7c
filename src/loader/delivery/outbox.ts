import type { SafeStorage } from '../lib/storage.js'
import { toJson } from '../../shared/to-json.js'
import type { SurveyResponse } from '../../shared/types.js'
import { readResponse } from './read-response.js'

/** Most answers an outbox keeps; past it the oldest are dropped first (docs/delivery.md). */
export const OUTBOX_CAP = 200

/** A stored answer (or display). `_d` marks a draft (score chosen, Send not pressed) and says until when no tab may fetch it. */
type Entry<T> = T & { _d?: number }

export interface Outbox<T extends { id: string } = SurveyResponse> {
  /** The answers any tab may send now, in wire form, oldest first: finals, and drafts whose page is long gone. */
  due(): T[]
  /** Stores an answer, or replaces the one with the same id in place; returns the ids dropped by the cap. */
  put(response: T, draftUntil?: number): string[]
  /** Forgets answers after a 2xx, or after the server refused them for good. */
  remove(ids: string[]): void
}

const strip = <T>({ _d, ...response }: Entry<T>) => response as T

/**
 * The stored list, and whether some of it was unreadable. Storage cut short mid-write keeps
 * the entries before the cut: the text is tried up to each earlier `}`, closed with `]`.
 */
function parseStored(text: string): [unknown[], boolean] {
  let tail = ''
  for (
    let cut = text.length + 1, tries = 0;
    cut > 0 && tries++ < OUTBOX_CAP;
    cut = text.lastIndexOf('}', cut - 2) + 1
  ) {
    try {
      const list = JSON.parse(text.slice(0, cut) + tail)
      return Array.isArray(list) ? [list, !!tail] : [[], true]
    } catch {
      tail = ']'
    }
  }
  return [[], true]
}

/**
 * The answers waiting for a 2xx, in storage under `key` (one key per endpoint), so they survive
 * reloads and are shared by the store's tabs. Displays wait in an outbox of their own, read by
 * `readDisplay`: the same guarantees, and a flood of them can never push an answer out. Read afresh on every call: another tab may have
 * added or sent some. Storage that is blocked or full falls back to memory (SafeStorage).
 * Whatever else the key holds (another script's data, another version's entries, a truncated
 * write) is dropped entry by entry, keeping every valid answer, with one call of `onDrop`.
 *
 * @example
 * const outbox = createOutbox(ctx.storage, 'tp:o:' + endpoint, ctx.warn)
 * outbox.put(response) // before the first send
 * outbox.remove([response.id]) // after the 2xx
 */
export function createOutbox<T extends { id: string } = SurveyResponse>(
  storage: SafeStorage,
  key: string,
  onDrop: (message: string) => void,
  readEntry: (value: unknown) => T | null = readResponse as never,
): Outbox<T> {
  const write = (list: Entry<T>[]) => (list.length ? storage.set(key, toJson(list)) : storage.remove(key))
  const read = (): Entry<T>[] => {
    const [list, damaged] = parseStored(storage.get(key) || '[]')
    const entries: Entry<T>[] = []
    for (const item of list) {
      const response = readEntry(item)
      const draft = response && (item as Entry<T>)._d
      if (response) entries.push(typeof draft == 'number' ? { ...response, _d: draft } : response)
    }
    if (damaged || entries.length < list.length) {
      write(entries)
      onDrop(`touchpoint: dropped unreadable data in ${key}`)
    }
    return entries
  }
  return {
    due: () =>
      read()
        .filter((e) => !(e._d! > Date.now()))
        .map(strip<T>),
    put(response, draftUntil) {
      const list = read()
      const entry: Entry<T> = draftUntil ? { ...response, _d: draftUntil } : response
      const i = list.findIndex((e) => e.id == response.id)
      if (i < 0) list.push(entry)
      else list[i] = entry
      const dropped = list.splice(0, list.length - OUTBOX_CAP)
      write(list)
      return dropped.map((e) => e.id)
    },
    remove(ids) {
      write(read().filter((e) => ids.indexOf(e.id) < 0))
    },
  }
}
