import type { Config } from '../../shared/options.js'
import type { LoadChunk, Note } from '../../shared/contract.js'
import type { Detection, EventMap, EventName, SurveyKind, TouchpointApi } from '../../shared/types.js'
import { detectStage } from '../detection/detect-stage.js'
import { resolveExplicit } from '../detection/resolve-explicit.js'
import { watchNavigation } from '../detection/watch-navigation.js'
import { watchDataLayer } from '../detection/watch-data-layer.js'
import { addUrlWords, needsWords } from '../detection/match-url-words.js'
import { createDelivery } from '../delivery/delivery.js'
import { createDisplays } from '../displays/displays.js'
import { startTargeting, type Targeting } from '../targeting/targeting.js'
import { createConsent } from '../privacy/consent.js'
import { createSurveySession } from '../session/survey-session.js'
import { createStorage } from '../lib/storage.js'
import { createEmitter } from './emitter.js'
import { EVENTS } from '../../shared/events.js'
import { createReport } from './report.js'
import { resolveLocale } from './resolve-locale.js'
import { VERSION } from '../version.js'

export type { TouchpointApi }

/**
 * Builds a running widget from validated config. `loadChunk` says how this build finds its chunks;
 * `warnings` are what option parsing had to say, printed through the same diagnostics.
 */
export function createTouchpoint(
  config: Config,
  win: Window,
  loadChunk: LoadChunk,
  warnings: Note[] = [],
): TouchpointApi {
  const { warn, log } = createReport(loadChunk, config.debug)
  warnings.forEach(warn)
  const emitter = createEmitter((error) => log({ code: 'failed', what: 'listener', error }))
  const consent = createConsent(win, config)
  let explicit = config.stage
  const detect = () => detectStage(win, { stage: explicit, stageMap: config.stageMap })
  // Detected when first needed (the targeting step at idle, show(), detect(), a 'stage' listener),
  // not while the store's page loads: detection reads the whole document.
  let current: Detection | undefined
  const detection = () => {
    if (!current) {
      current = detect()
      // Read while <head> is still parsing: <body> and its classes come later, so look again then.
      if (win.document.readyState == 'loading') win.document.addEventListener('DOMContentLoaded', refresh)
    }
    return current
  }

  const storage = createStorage(win, consent.granted, (err) => {
    warn({ code: 'no-storage' })
    emitter.emit('error', { code: 'storage', message: String(err) })
  })
  // What several parts use. Each factory's parameter type names only what that part reads; one
  // object literal here keeps the wiring small in the loader, where every byte counts.
  const shared = { win, config, storage, consent, loadChunk, emit: emitter.emit, log, warn, detection }

  const delivery = config.endpoint ? createDelivery({ ...shared, drafts: () => session.drafts() }) : null
  const displays = delivery && createDisplays(win, storage, delivery.display)
  const session = createSurveySession({
    ...shared,
    delivery,
    displays,
    locale: () => resolveLocale(win, config.locale),
    outcome: (survey, what) => started().outcome(survey, what),
  })
  // Targeting starts in a step of its own just after this one (docs/loading.md), or at once when
  // something needs it sooner. The triggers' inputs (track(), dataLayer events) reach it a task
  // later, so one that comes before the triggers are armed arms them first: none is lost.
  let targeting: Targeting | undefined
  const started = () =>
    (targeting ||= startTargeting({ ...shared, ...session }, (plan) => {
      log({ code: 'showing', survey: plan.id, trigger: plan.trigger })
      session.show(plan.kind, plan.id, true)
    }))
  // Once started, at once: a call followed by a navigation in the same task reaches this page's triggers.
  const later = (call: (targeting: Targeting) => void) =>
    targeting ? call(targeting) : setTimeout(() => call(started()))
  // The start-up in short tasks, each yielding to the store's page: this one (options, hooks, the
  // API), then detection, then arming the triggers. A macrotask, not an idle callback: a trigger
  // such as `delay=3000` still counts from the page view, as it did when armed in this task.
  setTimeout(() => {
    detection()
    setTimeout(started)
  })

  const refresh = () => {
    // Nothing has read the stage yet: whoever reads it next detects afresh, so no change to announce.
    if (!current) return
    const next = detect()
    if (next.touchpoint != current.touchpoint || next.stage != current.stage) {
      current = next
      session.newPageView()
      if (targeting) targeting.restart()
      emitter.emit('stage', next)
    } else current = next
  }
  watchNavigation(win, refresh)
  watchDataLayer(win, (name) => {
    refresh()
    later((targeting) => targeting.dataLayerEvent(name))
  })
  // A page in a language whose URL words the loader does not carry (German, French …) fetches
  // them: until they are here URL words speak English and Vietnamese only, then the stage follows.
  // Without them (offline, blocked) detection keeps every other signal.
  if (needsWords(win))
    loadChunk('words').then(
      (chunk) => {
        addUrlWords(win, chunk.words)
        refresh()
      },
      () => {},
    )

  const methods = {
    version: VERSION,
    detect() {
      current = undefined
      return detection()
    },
    show: (kind: SurveyKind, survey?: string) => session.show(kind, survey),
    on<E extends EventName>(event: E, fn: (payload: EventMap[E]) => void) {
      if (EVENTS.indexOf(event) < 0 || typeof fn != 'function') {
        warn({ code: 'bad-call', call: 'on', value: event })
        return () => {}
      }
      // A 'stage' listener hears changes from what the page is now: that needs a first reading.
      if (event == 'stage') detection()
      return emitter.on(event, fn)
    },
    flush: () => (delivery ? delivery.flush() : Promise.resolve()),
    setStage(stage: string | null) {
      if (stage && !resolveExplicit(stage)) warn({ code: 'bad-call', call: 'setStage', value: stage })
      explicit = stage || null
      refresh()
    },
    consent(granted: boolean) {
      // consent('false') must not read as a yes: only true and false count.
      if (typeof granted == 'boolean') consent.set(granted)
      else warn({ code: 'bad-call', call: 'consent', value: granted })
    },
    track(name: string) {
      later((targeting) => targeting.track(String(name)))
    },
  }
  const api = ((command: string, ...args: unknown[]) => {
    const method = (methods as Record<string, unknown>)[command]
    if (typeof method == 'function') return method(...args)
    warn({ code: 'bad-call', call: 'command', value: command })
  }) as TouchpointApi
  return Object.assign(api, methods)
}
