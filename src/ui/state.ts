import { useEffect, useState } from 'preact/hooks'

/** choosing a score → optional follow-up → thank-you. */
export type Phase = 'choose' | 'follow' | 'thanks'

/** A value that tells its listeners when it changes. */
export interface Atom<T> {
  get(): T
  /** Notifies the listeners only when the value really changes. */
  set(value: T): void
  /** Returns the function that stops listening. */
  listen(fn: (value: T) => void): () => void
}

/**
 * The part of a nanostores atom the survey needs. Written here because the dependency cost
 * ~300 B brotli in the survey chunk for two values; `useStore` below mirrors @nanostores/preact.
 */
export function atom<T>(value: T): Atom<T> {
  const listeners = new Set<(value: T) => void>()
  return {
    get: () => value,
    set(next) {
      if (next !== value) (value = next), listeners.forEach((fn) => fn(next))
    },
    listen: (fn) => (listeners.add(fn), () => void listeners.delete(fn)),
  }
}

/** One open survey's state; every `open()` gets its own. */
export function createSurveyState() {
  return { phase: atom<Phase>('choose'), score: atom<number | null>(null) }
}
export type SurveyState = ReturnType<typeof createSurveyState>

/**
 * Subscribes a component to an atom. It subscribes during the first render, not in an effect:
 * effects run after paint, and a fast first click would be lost.
 */
export function useStore<T>(store: Atom<T>): T {
  const [, rerender] = useState(0)
  const [stop] = useState(() => store.listen(() => rerender((n) => n + 1)))
  useEffect(() => stop, [stop])
  return store.get()
}
