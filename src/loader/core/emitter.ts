import type { EventMap, EventName } from '../../shared/types.js'

type Listener<E extends EventName> = (payload: EventMap[E]) => void

export interface Emitter {
  on<E extends EventName>(event: E, fn: Listener<E>): () => void
  emit<E extends EventName>(event: E, payload: EventMap[E]): void
}

/** A tiny event emitter whose listeners can never break the emitter's caller. */
export function createEmitter(onListenerError: (err: unknown) => void): Emitter {
  const listeners: { [E in EventName]?: Listener<E>[] } = {}
  return {
    on(event, fn) {
      const list = (listeners[event] ||= []) as Listener<typeof event>[]
      list.push(fn)
      return () => {
        const i = list.indexOf(fn)
        if (i >= 0) list.splice(i, 1)
      }
    },
    emit(event, payload) {
      for (const fn of (listeners[event] || []).slice()) {
        try {
          ;(fn as Listener<typeof event>)(payload)
        } catch (err) {
          onListenerError(err)
        }
      }
    },
  }
}
