import type { KeyValue } from '../shared/contract.js'
import { toJson } from '../shared/to-json.js'
import { parseStored, type Stored } from '../shared/outbox-list.js'
import type { SurveyResponse } from '../shared/types.js'
import { readResponse } from './read-response.js'

/** The transport chunk's half of an outbox: what is due, and forgetting what was sent. */
export interface OutboxReader<T extends { id: string } = SurveyResponse> {
  /** The entries any tab may send now, in wire form, oldest first: finals, and drafts whose page is long gone. */
  due(): T[]
  /** Forgets entries after a 2xx, or after the server refused them for good. */
  remove(ids: string[]): void
}

const strip = <T>({ _d, ...entry }: Stored<T>) => entry as T

/**
 * Reads the outbox under `key` (written by the loader, src/loader/delivery/outbox.ts) afresh on
 * every call: another tab may have added or sent some. Each entry is checked by `readEntry`
 * (answers by default, displays with `readDisplay`): whatever else the key holds (another
 * script's data, another version's entries, a truncated write) is dropped entry by entry, keeping
 * every valid one, with one call of `onDrop`, and the cleaned list is written back.
 *
 * @example
 * const outbox = readOutbox(storage, answersKey(endpoint), warn)
 * send(outbox.due())
 * outbox.remove(ids) // after the 2xx
 */
export function readOutbox<T extends { id: string } = SurveyResponse>(
  storage: KeyValue,
  key: string,
  onDrop: (message: string) => void,
  readEntry: (value: unknown) => T | null = readResponse as never,
): OutboxReader<T> {
  const write = (list: Stored<T>[]) => (list.length ? storage.set(key, toJson(list)) : storage.remove(key))
  const read = (): Stored<T>[] => {
    const [list, damaged] = parseStored(storage.get(key) || '[]')
    const entries: Stored<T>[] = []
    for (const item of list) {
      const entry = readEntry(item)
      const draft = entry && (item as Stored<T>)._d
      if (entry) entries.push(typeof draft == 'number' ? { ...entry, _d: draft } : entry)
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
        .filter((entry) => !(entry._d! > Date.now()))
        .map(strip<T>),
    remove(ids) {
      write(read().filter((entry) => ids.indexOf(entry.id) < 0))
    },
  }
}
