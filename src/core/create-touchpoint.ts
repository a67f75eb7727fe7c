import type { Config } from '../config/options'
import type { LoadChunk, UiHandle } from '../contract'
import type { Detection, EventMap, EventName, SurveyEvent, SurveyKind, SurveyResponse } from '../types'
import { detectStage } from '../detection/detect-stage'
import { resolveExplicit } from '../detection/resolve-explicit'
import { watchNavigation } from '../detection/watch-navigation'
import { watchDataLayer } from '../detection/watch-data-layer'
import { createDelivery } from '../delivery/delivery'
import { startTargeting } from '../targeting/targeting'
import { EMOTIONS, KINDS } from '../targeting/plan'
import { createConsent } from '../targeting/consent'
import { createStorage } from '../lib/storage'
import { uuid } from '../lib/uuid'
import { createEmitter } from './emitter'
import { resolveLocale } from './resolve-locale'
import type { Context } from './context'

export const VERSION = '0.1.0'

// Typed by EventMap: a misspelt name here does not compile. A new event must be added here too.
const EVENTS: EventName[] = ['show', 'answer', 'dismiss', 'sent', 'error', 'stage']

/** The object behind `window.touchpoint` and `init()`. Also callable: `touchpoint('show', 'nps')`. */
export interface TouchpointApi {
  (command: string, ...args: unknown[]): unknown
  readonly version: string
  /** The current page's journey position; follows SPA navigation. */
  detect(): Detection
  /** Show a survey now, skipping triggers and frequency caps (consent still applies). Resolves true when shown. */
  show(kind: SurveyKind, survey?: string): Promise<boolean>
  /** Listen to `show`, `answer`, `dismiss`, `sent`, `error`, `stage`. Returns an unsubscribe function. */
  on<E extends EventName>(event: E, fn: (payload: EventMap[E]) => void): () => void
  /** Hand every waiting answer to the network; resolves when the attempt has settled. */
  flush(): Promise<void>
  /** Force the touchpoint or stage of the current page (`null` returns to detection). */
  setStage(stage: string | null): void
  /** Give or withdraw consent (with `data-consent="required"`). */
  consent(granted: boolean): void
  /** Fire a `track` trigger from code, e.g. `touchpoint('track', 'chat-closed')`. */
  track(name: string): void
}

/** Builds a running widget from validated config. `loadChunk` says how this build finds its UI and transport. */
export function createTouchpoint(config: Config, win: Window, loadChunk: LoadChunk): TouchpointApi {
  const warn = (message: string) => console.warn(message)
  const log = (...args: unknown[]) => config.debug && console.info('touchpoint:', ...args)
  const emitter = createEmitter((err) => log('listener failed', err))
  const consent = createConsent(win, config)
  let explicit = config.stage
  const checkStage = (value: string | null) => {
    if (value && !resolveExplicit(value)) warn(`touchpoint: stage ${JSON.stringify(value)} is not a touchpoint or stage name; detecting it instead`)
  }
  checkStage(explicit)
  const detect = () => detectStage(win, { stage: explicit, stageMap: config.stageMap })
  let current = detect()

  const ctx: Context = {
    win,
    config,
    emit: emitter.emit,
    on: emitter.on,
    log,
    warn,
    detection: () => current,
    locale: () => resolveLocale(win, config.locale),
    loadChunk,
    consent,
    storage: createStorage(win, consent.granted, (err) => {
      warn('touchpoint: storage is unavailable; answers are kept in memory for this page only')
      emitter.emit('error', { code: 'storage', message: String(err) })
    }),
  }

  const delivery = config.endpoint ? createDelivery(ctx) : null
  let open: UiHandle | null = null

  async function show(kind: SurveyKind, survey: string = kind, auto = false): Promise<boolean> {
    if (KINDS.indexOf(kind) < 0) {
      warn(`touchpoint: show(${JSON.stringify(kind)}): kind must be one of ${KINDS.join(', ')}`)
      return false
    }
    const why = !delivery ? 'no endpoint' : !consent.granted() ? consent.reason() : open ? 'a survey is open' : ''
    if (why) {
      log('not showing', survey, why)
      return false
    }
    const { stage, touchpoint } = current
    const base: SurveyEvent = {
      id: uuid(), survey, kind, score: null, comment: null, emotion: null, stage, touchpoint,
      // Query strings and fragments may carry order keys or emails: keep the page's address only.
      url: win.location.origin + win.location.pathname,
      locale: ctx.locale(), at: new Date().toISOString(),
    }
    const respond = (score: number, comment: string | null): SurveyResponse => ({
      ...base, score, comment: comment && comment.slice(0, 1000), // the UI masked it (CHUNK_API 2)
      at: new Date().toISOString(),
      emotion: kind == 'emotion' ? EMOTIONS[score - 1] || null : null,
    })
    const end = (event: 'answer' | 'dismiss', payload: SurveyEvent) => {
      targeting.outcome(survey, event)
      emitter.emit(event, payload)
    }
    open = {} as UiHandle // claim the slot while the chunk loads
    try {
      const ui = await loadChunk('ui')
      open = ui.open(
        {
          survey, kind, locale: base.locale, question: config.questions[survey] || config.questions[kind],
          position: config.position, mount: config.mount ? win.document.querySelector(config.mount) : null,
          accent: config.accent || undefined, nonce: config.nonce || undefined, auto,
        },
        {
          choose: (score) => delivery!.record(respond(score, null), false),
          answer(score, comment) {
            const response = respond(score, comment)
            delivery!.record(response, true)
            end('answer', response)
          },
          dismiss: () => end('dismiss', base),
          closed: () => void (open = null),
        },
      )
      if (open.visible === false) {
        open.close() // closed() frees the slot
        const message = `touchpoint: ${survey} survey not visible (the page's CSS hides its place); not counted as shown`
        warn(message)
        emitter.emit('error', { code: 'hidden', message })
        return false
      }
    } catch (err) {
      open = null
      emitter.emit('error', { code: 'chunk', message: String(err) })
      log('survey UI failed to load', err)
      return false
    }
    targeting.outcome(survey, 'show')
    emitter.emit('show', base)
    return true
  }

  const targeting = startTargeting(ctx, (plan, trigger) => {
    log('showing', plan.id, 'on', trigger)
    show(plan.kind, plan.id, true)
  })

  const refresh = () => {
    const next = detect()
    if (next.touchpoint != current.touchpoint || next.stage != current.stage) {
      current = next
      targeting.restart()
      emitter.emit('stage', next)
    } else current = next
  }
  watchNavigation(win, refresh)
  watchDataLayer(win, (name) => {
    refresh()
    targeting.dataLayerEvent(name)
  })
  // A script in <head> runs before <body> and its classes exist.
  if (win.document.readyState == 'loading') win.document.addEventListener('DOMContentLoaded', refresh)

  const methods = {
    version: VERSION,
    detect: () => (current = detect()),
    show: (kind: SurveyKind, survey?: string) => show(kind, survey),
    on<E extends EventName>(event: E, fn: (payload: EventMap[E]) => void) {
      if (EVENTS.indexOf(event) < 0 || typeof fn != 'function') {
        warn(`touchpoint: on(${JSON.stringify(event)}, …) needs one of ${EVENTS.join(', ')} and a function`)
        return () => {}
      }
      return emitter.on(event, fn)
    },
    flush: () => (delivery ? delivery.flush() : Promise.resolve()),
    setStage(stage: string | null) {
      checkStage(stage)
      explicit = stage || null
      refresh()
    },
    consent(granted: boolean) {
      // consent('false') must not read as a yes: only true and false count.
      if (typeof granted == 'boolean') consent.set(granted)
      else warn(`touchpoint: consent(${JSON.stringify(granted)}) needs true or false; nothing changed`)
    },
    track: (name: string) => targeting.track(String(name)),
  }
  const api = ((command: string, ...args: unknown[]) => {
    const method = (methods as Record<string, unknown>)[command]
    if (typeof method == 'function') return method(...args)
    warn(`touchpoint: unknown command ${JSON.stringify(command)}`)
  }) as TouchpointApi
  return Object.assign(api, methods)
}
