/**
 * The outboxes' storage format, shared by their two halves: the loader writes answers and displays
 * into them at once (src/loader/delivery/outbox.ts); the transport chunk reads, checks and removes
 * them when it sends (src/transport/outbox.ts). docs/delivery.md tells the whole story.
 */

/** Most entries an outbox keeps; past it the oldest are dropped first (docs/delivery.md). */
export const OUTBOX_CAP = 200

/** The storage key of an endpoint's answers (also the name of its cross-tab send lock). */
export const answersKey = (endpoint: string) => 'tp:o:' + endpoint

/** The storage key of an endpoint's displays: apart, so that they can never push an answer out. */
export const displaysKey = (endpoint: string) => 'tp:d:' + endpoint

/** A stored answer (or display). `_d` marks a draft (score chosen, Send not pressed) and says until when no tab may fetch it. */
export type Stored<T> = T & { _d?: number }

/**
 * The stored list, unchecked, and whether some of it was unreadable. Storage cut short mid-write
 * keeps the entries before the cut: the text is tried up to each earlier `}`, closed with `]`.
 *
 * @example
 * parseStored('[{"id":"a"},{"id":') // → [[{ id: 'a' }], true]
 */
export function parseStored(text: string): [unknown[], boolean] {
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
