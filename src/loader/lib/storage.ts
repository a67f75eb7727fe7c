/** localStorage that never throws: blocked or full storage falls back to memory (reported once). */
export interface SafeStorage {
  get(key: string): string | null
  /** false when the value only lives in memory. */
  set(key: string, value: string): boolean
  remove(key: string): void
}

export function createStorage(win: Window, allowed: () => boolean, onFallback: (err: unknown) => void): SafeStorage {
  const memory: Record<string, string> = {}
  let warned = false
  // Runs `fn` on localStorage when allowed; undefined when not allowed or when storage throws.
  const use = <T>(fn: (store: Storage) => T): T | undefined => {
    try {
      if (allowed()) return fn(win.localStorage)
    } catch (err) {
      if (!warned) onFallback(err)
      warned = true
    }
  }
  return {
    get(key) {
      const value = use((store) => store.getItem(key))
      return key in memory ? memory[key] : value == null ? null : value
    },
    set(key, value) {
      if (
        use((store) => {
          store.setItem(key, value)
          return delete memory[key]
        })
      )
        return true
      memory[key] = value
      return false
    },
    remove(key) {
      delete memory[key]
      use((store) => store.removeItem(key))
    },
  }
}
