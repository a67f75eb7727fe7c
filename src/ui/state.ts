import { useEffect, useState } from 'preact/hooks'

/** choosing a score → optional follow-up → thank-you. */
export type Phase = 'choose' | 'follow' | 'thanks'

/** A value that tells its listeners when it changes (after the change, never on subscribing). */
export interface Store<T> {
  get(): T
  set(value: T): void
  /** Returns the unsubscribe function. */
  listen(listener: (value: T) => void): () => void
}

/**
 * The smallest store the card needs: two values, a few listeners, all the card's own (a
 * component's re-render, the thank-you timer). nanostores' atom, used before, brought batching
 * and mount lifecycles the card never used: ~200 B brotli.
 */
export function store<T>(value: T): Store<T> {
  let listeners: ((value: T) => void)[] = []
  return {
    get: () => value,
    set(next) {
      if (next === value) return
      value = next
      // A copy: a listener may unsubscribe (a component unmounting) while they are told.
      for (const listener of listeners.slice()) listener(next)
    },
    listen(listener) {
      listeners.push(listener)
      return () => {
        listeners = listeners.filter((other) => other != listener)
      }
    },
  }
}

/** One open survey's state; every `open()` gets its own. */
export function createSurveyState() {
  return { phase: store<Phase>('choose'), score: store<number | null>(null) }
}
export type SurveyState = ReturnType<typeof createSurveyState>

/**
 * Subscribes a component to a store (the core of @nanostores/preact). It subscribes during the
 * first render, not in an effect: effects run after paint, and a fast first click would be lost.
 */
export function useStore<T>(source: Store<T>): T {
  const [, rerender] = useState(0)
  const [stop] = useState(() => source.listen(() => rerender((n) => n + 1)))
  useEffect(() => stop, [stop])
  return source.get()
}
