import type { Config } from '../../shared/options.js'
import { observeDataLayer } from '../lib/observe-data-layer.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- consent tools are the store's globals */

/** Whether the widget may store, send and show anything on this page. */
export interface Consent {
  granted(): boolean
  /** Why not, as a compact code for debug notes and `{ eligible, reason }`: `opted-out`, `withdrawn`, `denied:tcf`, `waiting`, `granted`. */
  reason(): string
  /** Consent given or withdrawn by the store's code (`touchpoint.consent(true|false)`). */
  set(granted: boolean): void
  /** Called whenever `granted()` may have changed. */
  onChange(fn: () => void): void
}

/**
 * The page's consent, from (strongest first): Global Privacy Control (and Do Not Track with
 * `dnt`), the store's own `set()`, then — with `consent: 'auto'` — the consent tools present:
 * IAB TCF v2.2 (`__tcfapi`, purpose 1 unless `gdprApplies === false`; waits for its answer),
 * Google Consent Mode v2 (`analytics_storage` in dataLayer `consent` default/update entries)
 * and Shopify's Customer Privacy API. Any tool that says no wins; no tool at all means go.
 * With `consent: 'required'` silence is not consent: it opens on `set(true)` or once a tool says
 * yes (and none says no). Foreign code can never make this throw.
 *
 * @example
 * const consent = createConsent(window, config); consent.onChange(() => consent.granted() && start())
 */
export function createConsent(win: Window, config: Config): Consent {
  const w = win as any
  const nav = win.navigator as Navigator & { globalPrivacyControl?: boolean }
  const optedOut = (config.gpc && nav.globalPrivacyControl === true) || (config.dnt && nav.doNotTrack === '1')
  let given: boolean | null = null
  // Each tool's answer: true / false, or null while it has not answered yet.
  const tools: Record<string, boolean | null> = {}
  const listeners: (() => void)[] = []
  const changed = () =>
    listeners.forEach((fn) => {
      try {
        fn()
      } catch {
        /* never into the consent tool that called us */
      }
    })
  const answer = (tool: string, value: boolean | null) => {
    if (tools[tool] !== value) {
      tools[tool] = value
      changed()
    }
  }
  const said = (value: boolean) => Object.keys(tools).filter((t) => tools[t] === value)
  // `required` still listens to the consent tools: a CMP's yes is consent, but silence is not.
  const granted = () =>
    !optedOut &&
    (given ??
      (!said(false).length &&
        Object.values(tools).every((v) => v) &&
        (config.consent != 'required' || !!said(true).length)))

  if (!optedOut) {
    const safely = (fn: () => void) => {
      try {
        fn()
      } catch {
        /* the consent tool's own bug */
      }
    }
    safely(() => {
      if (typeof w.__tcfapi != 'function') return
      tools.tcf = null
      w.__tcfapi('addEventListener', 2, (data: any, ok: boolean) => {
        if (ok && data && /^(tcloaded|useractioncomplete)$/.test(data.eventStatus))
          answer(
            'tcf',
            data.gdprApplies === false || !!(data.purpose && data.purpose.consents && data.purpose.consents[1]),
          )
      })
    })
    // Consent Mode's `gtag('consent', …)` entries, those already in dataLayer first. A default
    // scoped to some regions (`region: ['EU']`) cannot be matched to this visitor without
    // geolocation; the CMP's own update for them is what counts.
    observeDataLayer(
      win,
      (items: any[]) => {
        for (const item of items)
          if (
            item &&
            item[0] == 'consent' &&
            /^(default|update)$/.test(item[1]) &&
            item[2] &&
            item[2].analytics_storage &&
            !item[2].region
          )
            answer('gcm', item[2].analytics_storage == 'granted')
      },
      true,
    )
    const shopify = () =>
      safely(() => {
        const privacy = w.Shopify && w.Shopify.customerPrivacy
        if (privacy && privacy.analyticsProcessingAllowed) answer('shopify', !!privacy.analyticsProcessingAllowed())
      })
    shopify()
    safely(() => win.document.addEventListener('visitorConsentCollected', shopify))
  }

  return {
    granted,
    // Compact codes (`denied:tcf`): the diagnostics chunk words them.
    reason: () =>
      optedOut
        ? 'opted-out'
        : granted()
          ? 'granted'
          : given === false
            ? 'withdrawn'
            : said(false).length
              ? 'denied:' + said(false)
              : 'waiting',
    set(value) {
      given = !!value
      changed()
    },
    onChange: (fn) => void listeners.push(fn),
  }
}
