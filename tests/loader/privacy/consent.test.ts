// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULTS, type Config } from '../../../src/shared/options'
import { createConsent } from '../../../src/loader/privacy/consent'

const w = window as any
const config = (over: Partial<Config> = {}): Config => ({ ...DEFAULTS, ...over })
const nav = (key: string, value: unknown) =>
  Object.defineProperty(navigator, key, { configurable: true, get: () => value })
function gtag(..._: unknown[]) {
  // eslint-disable-next-line prefer-rest-params
  w.dataLayer.push(arguments)
}

afterEach(() => {
  delete w.__tcfapi
  delete w.Shopify
  delete w.dataLayer
  nav('globalPrivacyControl', undefined)
  nav('doNotTrack', null)
})

describe('createConsent', () => {
  it('goes when no consent tool is on the page', () => {
    expect(createConsent(window, config()).granted()).toBe(true)
  })

  it('with consent "required", waits for set(true) and notices withdrawal', () => {
    const consent = createConsent(window, config({ consent: 'required' }))
    const changed = vi.fn()
    consent.onChange(changed)
    expect(consent.granted()).toBe(false)
    expect(consent.reason()).toBe('waiting')
    consent.set(true)
    expect(consent.granted()).toBe(true)
    consent.set(false)
    expect([consent.granted(), consent.reason()]).toEqual([false, 'withdrawn'])
    expect(changed).toHaveBeenCalledTimes(2)
  })

  it('with consent "required", counts a consent tool\'s yes as consent, but not its silence or a no', () => {
    let listener: (data: unknown, ok: boolean) => void = () => {}
    w.__tcfapi = (cmd: string, _v: number, cb: typeof listener) => cmd == 'addEventListener' && (listener = cb)
    const tcf = createConsent(window, config({ consent: 'required' }))
    listener({ eventStatus: 'cmpuishown', gdprApplies: true, purpose: { consents: {} } }, true)
    expect([tcf.granted(), tcf.reason()]).toEqual([false, 'waiting'])
    listener({ eventStatus: 'useractioncomplete', gdprApplies: true, purpose: { consents: { 1: true } } }, true)
    expect(tcf.granted()).toBe(true)
    delete w.__tcfapi

    w.dataLayer = []
    gtag('consent', 'default', { analytics_storage: 'denied' })
    const gcm = createConsent(window, config({ consent: 'required' }))
    expect([gcm.granted(), gcm.reason()]).toEqual([false, 'denied:gcm'])
    gtag('consent', 'update', { analytics_storage: 'granted' })
    expect(gcm.granted()).toBe(true)
    delete w.dataLayer

    w.Shopify = { customerPrivacy: { analyticsProcessingAllowed: () => true } }
    const shopify = createConsent(window, config({ consent: 'required' }))
    expect(shopify.granted()).toBe(true)
    shopify.set(false) // the store's own code still decides over the tool
    expect(shopify.granted()).toBe(false)
  })

  it('honours Global Privacy Control, even against set(true), unless gpc is off', () => {
    nav('globalPrivacyControl', true)
    const consent = createConsent(window, config())
    consent.set(true)
    expect([consent.granted(), consent.reason()]).toEqual([false, 'opted-out'])
    expect(createConsent(window, config({ gpc: false })).granted()).toBe(true)
  })

  it('honours Do Not Track only when the store opts in', () => {
    nav('doNotTrack', '1')
    expect(createConsent(window, config()).granted()).toBe(true)
    expect(createConsent(window, config({ dnt: true })).granted()).toBe(false)
  })

  describe('IAB TCF v2.2', () => {
    const cmp = () => {
      let listener: (data: unknown, ok: boolean) => void = () => {}
      w.__tcfapi = vi.fn((cmd: string, version: number, cb: typeof listener) => {
        if (cmd == 'addEventListener' && version == 2) listener = cb
      })
      return (data: unknown, ok = true) => listener(data, ok)
    }

    it('waits for the CMP, then follows purpose 1 consent', () => {
      const send = cmp()
      const consent = createConsent(window, config())
      const changed = vi.fn()
      consent.onChange(changed)
      expect(consent.granted()).toBe(false)
      send({ eventStatus: 'cmpuishown', gdprApplies: true, purpose: { consents: {} } })
      expect(consent.granted()).toBe(false)
      send({ eventStatus: 'useractioncomplete', gdprApplies: true, purpose: { consents: { 1: false } } })
      expect([consent.granted(), consent.reason()]).toEqual([false, 'denied:tcf'])
      send({ eventStatus: 'useractioncomplete', gdprApplies: true, purpose: { consents: { 1: true } } })
      expect(consent.granted()).toBe(true)
      expect(changed).toHaveBeenCalledTimes(2)
    })

    it('goes when GDPR does not apply', () => {
      const send = cmp()
      const consent = createConsent(window, config())
      send({ eventStatus: 'tcloaded', gdprApplies: false })
      expect(consent.granted()).toBe(true)
    })

    it('survives a CMP that throws', () => {
      w.__tcfapi = () => {
        throw new Error('cmp bug')
      }
      expect(createConsent(window, config()).granted()).toBe(false)
    })
  })

  describe('Google Consent Mode v2', () => {
    it('reads the default already in dataLayer and follows later updates', () => {
      w.dataLayer = []
      gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' })
      const consent = createConsent(window, config())
      expect([consent.granted(), consent.reason()]).toEqual([false, 'denied:gcm'])
      const changed = vi.fn()
      consent.onChange(changed)
      gtag('consent', 'update', { analytics_storage: 'granted' })
      expect(consent.granted()).toBe(true)
      expect(changed).toHaveBeenCalledOnce()
      gtag('consent', 'update', { ad_storage: 'granted' }) // says nothing about analytics
      expect(consent.granted()).toBe(true)
      expect(w.dataLayer).toHaveLength(3)
    })
  })

  it('ignores Consent Mode defaults scoped to regions it cannot place the visitor in', () => {
    w.dataLayer = []
    gtag('consent', 'default', { analytics_storage: 'denied', region: ['EU', 'GB'] })
    expect(createConsent(window, config()).granted()).toBe(true)
  })

  describe('Shopify Customer Privacy API', () => {
    it('follows analyticsProcessingAllowed() and re-reads it on visitorConsentCollected', () => {
      let allowed = false
      w.Shopify = { customerPrivacy: { analyticsProcessingAllowed: () => allowed } }
      const consent = createConsent(window, config())
      expect(consent.granted()).toBe(false)
      allowed = true
      document.dispatchEvent(new CustomEvent('visitorConsentCollected', { detail: { analyticsAllowed: true } }))
      expect(consent.granted()).toBe(true)
    })
  })

  it('lets the store override consent tools with set()', () => {
    w.Shopify = { customerPrivacy: { analyticsProcessingAllowed: () => false } }
    const consent = createConsent(window, config())
    consent.set(true)
    expect(consent.granted()).toBe(true)
  })
})
