import type { Config } from '../config/options'

/** Whether the widget may store, send and show anything on this page. */
export interface Consent {
  granted(): boolean
  /** Why not, for debug logs and `{ eligible, reason }`. */
  reason(): string
  /** Consent given or withdrawn by the store's code (`touchpoint.consent(true|false)`). */
  set(granted: boolean): void
  /** Called whenever `granted()` may have changed. */
  onChange(fn: () => void): void
}

/** First version: explicit consent and Global Privacy Control / Do Not Track. */
export function createConsent(win: Window, config: Config): Consent {
  const nav = win.navigator as Navigator & { globalPrivacyControl?: boolean }
  const optedOut = (config.gpc && nav.globalPrivacyControl === true) || (config.dnt && nav.doNotTrack === '1')
  let given: boolean | null = null
  const listeners: (() => void)[] = []
  const granted = () => !optedOut && (given === true || (given === null && config.consent != 'required'))
  return {
    granted,
    reason: () => (optedOut ? 'privacy signal (GPC/DNT)' : granted() ? 'granted' : 'waiting for consent'),
    set(value) {
      given = !!value
      listeners.forEach((fn) => fn())
    },
    onChange: (fn) => void listeners.push(fn),
  }
}
