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
  const local = (): Storage | null => {
    if (!allowed()) return null
    try {
      return win.localStorage
    } catch (err) {
      fallback(err)
      return null
    }
  }
  const fallback = (err: unknown) => {
    if (!warned) onFallback(err)
    warned = true
  }
  return {
    get(key) {
      let value: string | null = null
      try {
        value = local()?.getItem(key) ?? null
      } catch (err) {
        fallback(err)
      }
      return key in memory ? memory[key] : value
    },
    set(key, value) {
      try {
        const store = local()
        if (store) {
          store.setItem(key, value)
          delete memory[key]
          return true
        }
      } catch (err) {
        fallback(err)
      }
      memory[key] = value
      return false
    },
    remove(key) {
      delete memory[key]
      try {
        local()?.removeItem(key)
      } catch (err) {
        fallback(err)
      }
    },
  }
}
