import { atom, type ReadableAtom } from 'nanostores'
import { useEffect, useState } from 'preact/hooks'

/** choosing a score → optional follow-up → thank-you. */
export type Phase = 'choose' | 'follow' | 'thanks'

/** One open survey's state, as nanostores atoms; every `open()` gets its own. */
export function createSurveyState() {
  return { phase: atom<Phase>('choose'), score: atom<number | null>(null) }
}
export type SurveyState = ReturnType<typeof createSurveyState>

/**
 * Subscribes a component to a store, as @nanostores/preact's `useStore` does (that package is not
 * a dependency: this is its core). It subscribes during the first render, not in an effect:
 * effects run after paint, and a fast first click would be lost.
 */
export function useStore<T>(source: ReadableAtom<T>): T {
  const [, rerender] = useState(0)
  const [stop] = useState(() => source.listen(() => rerender((n) => n + 1)))
  useEffect(() => stop, [stop])
  return source.get()
}
