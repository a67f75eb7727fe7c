import type { Config } from '../../shared/options.js'
import type { LoadChunk, Note, UiHandle } from '../../shared/contract.js'
import type { EventMap, EventName, SurveyEvent, SurveyKind, SurveyResponse, TouchpointApi } from '../../shared/types.js'
import { detectStage } from '../detection/detect-stage.js'
import { resolveExplicit } from '../detection/resolve-explicit.js'
import { watchNavigation } from '../detection/watch-navigation.js'
import { watchDataLayer } from '../detection/watch-data-layer.js'
import { createDelivery } from '../delivery/delivery.js'
import { startTargeting } from '../targeting/targeting.js'
import { EMOTIONS, KINDS } from '../../shared/vocabulary.js'
import { createConsent } from '../privacy/consent.js'
import { createStorage } from '../lib/storage.js'
import { uuid } from '../lib/uuid.js'
import { createEmitter } from './emitter.js'
import { EVENTS } from '../../shared/events.js'
import { createReport } from './report.js'
import { resolveLocale } from './resolve-locale.js'
import type { Context } from './context.js'
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
      warn({ code: 'no-storage' })
      emitter.emit('error', { code: 'storage', message: String(err) })
    }),
  }

  const delivery = config.endpoint ? createDelivery(ctx) : null
  let open: UiHandle | null = null
  // The card that has its answer and only says thank you: an explicit show() may replace it.
  let finished: UiHandle | null = null

  async function show(kind: SurveyKind, survey: string = kind, auto = false): Promise<boolean> {
    if (KINDS.indexOf(kind) < 0) {
      warn({ code: 'bad-call', call: 'show', value: kind })
      return false
    }
    if (open && open == finished && !auto) open.close()
    const reason = !delivery ? 'no-endpoint' : !consent.granted() ? consent.reason() : open ? 'open' : ''
    if (reason) {
      log({ code: 'not-showing', survey, reason })
      return false
    }
    const { stage, touchpoint } = current
    const base: SurveyEvent = {
      id: uuid(),
      survey,
      kind,
      score: null,
      comment: null,
      emotion: null,
      stage,
      touchpoint,
      // Query strings and fragments may carry order keys or emails: keep the page's address only.
      url: win.location.origin + win.location.pathname,
      at: new Date().toISOString(),
      locale: ctx.locale(),
    }
    // `at` stays the time the survey was shown: a draft and its final copy must be identical but
    // for the comment, or the collector keeps the draft and refuses the comment (stored answers are immutable).
    const respond = (score: number, comment: string | null): SurveyResponse => ({
      ...base,
      score,
      comment: comment && comment.slice(0, 1000), // the UI masked it (CHUNK_API 2)
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
          survey,
          kind,
          locale: base.locale,
          touchpoint: base.touchpoint,
          question: config.questions[survey] || config.questions[kind],
          position: config.position,
          mount: config.mount ? win.document.querySelector(config.mount) : null,
          accent: config.accent || undefined,
          nonce: config.nonce || undefined,
          auto,
        },
        {
          choose: (score) => delivery!.record(respond(score, null), false),
          answer(score, comment) {
            const response = respond(score, comment)
            delivery!.record(response, true)
            finished = open
            end('answer', response)
          },
          dismiss: () => end('dismiss', base),
          closed: () => void (open = null),
        },
      )
      if (open.visible === false) {
        open.close() // closed() frees the slot
        const message = `touchpoint: ${survey} survey not visible (the page's CSS hides its place); not counted as shown`
        console.warn(message)
        emitter.emit('error', { code: 'hidden', message })
        return false
      }
    } catch (error) {
      open = null
      emitter.emit('error', { code: 'chunk', message: String(error) })
      log({ code: 'failed', what: 'ui', error })
      return false
    }
    targeting.outcome(survey, 'show')
    emitter.emit('show', base)
    return true
  }

  const targeting = startTargeting(ctx, (plan, trigger) => {
    log({ code: 'showing', survey: plan.id, trigger })
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
        warn({ code: 'bad-call', call: 'on', value: event })
        return () => {}
      }
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
    track: (name: string) => targeting.track(String(name)),
  }
  const api = ((command: string, ...args: unknown[]) => {
    const method = (methods as Record<string, unknown>)[command]
    if (typeof method == 'function') return method(...args)
    warn({ code: 'bad-call', call: 'command', value: command })
  }) as TouchpointApi
  return Object.assign(api, methods)
}
