import { atom, type ReadableAtom } from 'nanostores'
import { useEffect, useState } from 'preact/hooks'

/** choosing a score → optional follow-up → thank-you. */
export type Phase = 'choose' | 'follow' | 'thanks'

/** One open survey's state; every `open()` gets its own. */
export function createSurveyState() {
  return { phase: atom<Phase>('choose'), score: atom<number | null>(null) }
}
export type SurveyState = ReturnType<typeof createSurveyState>

/**
 * Subscribes a component to a store (the core of @nanostores/preact). It subscribes during the
 * first render, not in an effect: effects run after paint, and a fast first click would be lost.
 */
export function useStore<T>(store: ReadableAtom<T>): T {
  const [, rerender] = useState(0)
  const [stop] = useState(() => store.listen(() => rerender((n) => n + 1)))
  useEffect(() => stop, [stop])
  return store.get()
}
