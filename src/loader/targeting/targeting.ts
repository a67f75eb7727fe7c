import type { Chunks, Note, SurveysChunk } from '../../shared/contract.js'
import type { Config } from '../../shared/options.js'
import type { Detection, SurveyKind } from '../../shared/types.js'
import type { SafeStorage } from '../lib/storage.js'
import type { Consent } from '../privacy/consent.js'
import { isEligible, STATE, type TargetingState } from './eligibility.js'
import { DEFAULT_PLANS, type SurveyPlan } from './plan.js'
import { armTriggers, type Armed } from './triggers.js'
import { whenIdle } from '../lib/when-idle.js'
import { toJson } from '../../shared/to-json.js'

/** What the core calls into targeting. */
export interface Targeting {
  /** The stage changed (SPA navigation): triggers re-armed for the new page view. */
  restart(): void
  /** `touchpoint('track', name)`: fires `{ track: name }` triggers. */
  track(name: string): void
  /** A dataLayer event seen by the core's watcher: fires `{ event: name }` triggers. */
  dataLayerEvent(name: string): void
  /** Records what happened to an opened survey, for the frequency caps. */
  outcome(survey: string, what: 'show' | 'answer' | 'dismiss'): void
}

const KEY = 'tp:s'

/** What targeting uses; nothing else of the running widget. */
export interface TargetingDeps {
  win: Window
  config: Pick<Config, 'surveys' | 'debug' | 'endpoint' | 'sample' | 'cooldownDays' | 'dismissDays'>
  storage: SafeStorage
  consent: Pick<Consent, 'granted' | 'reason' | 'onChange'>
  /** The current page's journey position. */
  detection(): Detection
  /** Fetches the parser of a store's own plan. */
  loadChunk: <K extends 'surveys'>(name: K) => Promise<Chunks[K]>
  /** Fetches the UI ahead of a trigger and has it render the trigger's card, unseen (the survey session). */
  prepare(kind: SurveyKind, survey: string): void
  log(note: Note): void
  warn(note: Note): void
  /** Whether a survey already showed (or began opening) on this page view; the survey session owns it. */
  shownThisPageView(): boolean
}

/**
 * Decides when a survey is due: follows the built-in plan, or a store's own `config.surveys`
 * once the surveys chunk has parsed it (track() and dataLayer events heard meanwhile are replayed,
 * and delays count from when it was asked for, so the wait loses no trigger), arms the current touchpoint's
 * triggers while consent is granted, and calls `open(plan)` when a trigger fires and
 * the visitor is eligible. With `debug`, notes each page view (what may ask here, and whether it
 * may now) and every decision.
 *
 * @example
 * const targeting = startTargeting(deps, (plan) => session.show(plan.kind, plan.id, true))
 * on('stage', () => targeting.restart())
 */
export function startTargeting(deps: TargetingDeps, open: (plan: SurveyPlan) => void): Targeting {
  const { config, consent, log } = deps
  // Most stores run the built-in plan, which the loader carries parsed; only a store's own plan
  // fetches the parser, once consent allows a survey (GPC: never). Until it is in, `plans` is
  // undefined and nothing is armed.
  let plans: SurveyPlan[] | undefined = config.surveys == null ? DEFAULT_PLANS : undefined
  // The surveys chunk's own triggers (scroll, click, event, track): the built-in plan has none.
  let armMore: SurveysChunk['arm'] | undefined
  let armed: Armed | undefined
  // How many times the triggers were armed: an idle step of an earlier arming does nothing.
  let arms = 0
  // Named triggers heard while the parser is on its way: replayed once the plan is armed.
  let early: ['track' | 'event', string][] | undefined
  // When this page view began waiting for the store's plan: its delays count from then.
  let waitingSince = 0
  // Whether consent allowed a survey when the wait began (undefined: no wait yet).
  let waitGranted: boolean | undefined
  const hear = (type: 'track' | 'event', name: string) =>
    armed ? armed.hear(type, name) : early && early.push([type, name])

  const load = (): TargetingState => {
    let state: TargetingState | undefined
    try {
      state = JSON.parse(deps.storage.get(KEY) || 'null')
    } catch {
      /* unreadable: start over */
    }
    // The bucket is drawn once and saved at once: sampling must not re-roll on every page.
    if (!state || typeof state != 'object' || !(state[STATE.bucket] >= 0))
      save((state = { [STATE.shown]: {}, [STATE.answered]: {}, [STATE.bucket]: (Math.random() * 100) | 0 }))
    state[STATE.shown] ||= {}
    state[STATE.answered] ||= {}
    return state
  }
  const save = (state: TargetingState) => deps.storage.set(KEY, toJson(state))
  const eligible = (plan: SurveyPlan, state: TargetingState) =>
    isEligible(plan, state, Date.now(), state[STATE.bucket], config)

  const decide = (plan: SurveyPlan) => {
    const state = load()
    state[STATE.thisPage] = deps.shownThisPageView()
    return { state, ...eligible(plan, state) }
  }

  // Debug notes carry the trigger as the plan has it: the diagnostics chunk words it.
  const fire = (plan: SurveyPlan) => {
    const { id: survey, trigger } = plan
    if (!consent.granted()) return log({ code: 'decision', survey, trigger, eligible: false, reason: consent.reason() })
    const { state, ...decision } = decide(plan)
    log({ code: 'decision', survey, trigger, ...decision })
    if (!decision.eligible) return
    delete state[STATE.thisPage]
    save(state)
    open(plan)
  }

  const askForPlan = () => {
    early = []
    deps
      .loadChunk('surveys')
      .then((chunk) => {
        plans = chunk.parse(config.surveys!, deps.warn)
        // An older surveys chunk (a CDN cache next to a newer loader) cannot arm scroll, click,
        // event or track: each such trigger costs a warning naming it; the others still arm.
        armMore = chunk.arm || ((_win, error) => deps.warn({ code: 'failed', what: 'surveys', error }))
        // Delays count from when this page view asked for the plan, as if it had been here all along.
        arm(Date.now() - waitingSince)
        const heard = early!
        early = undefined
        heard.forEach(([type, name]) => hear(type, name))
      })
      // Without the parser (or if it threw) no survey asks by itself on this page view (the
      // store's plan is not the built-in one, so that is not a fallback); show() still works.
      // One warning says why, and nothing reaches the store's page as an unhandled rejection.
      .catch((error) => {
        plans = []
        early = undefined
        deps.warn({ code: 'failed', what: 'surveys', error })
      })
  }

  /** `elapsed`: ms already gone when the plan came late, taken off its delays; `fresh`: a new page view. */
  const arm = (elapsed = 0, fresh?: boolean) => {
    const current = ++arms
    if (armed) armed.stop()
    armed = undefined
    if (!plans) {
      // A new page view, or consent refused or given anew, while the plan is on its way starts the
      // wait afresh, as re-arming does: its delays count from now, and what was heard before is
      // not its. Another consent tool saying yes again changes nothing (it would lose events).
      const granted = consent.granted()
      if (fresh || granted != waitGranted) {
        waitGranted = granted
        waitingSince = Date.now()
        if (early) early.length = 0
      }
      if (!early && granted) askForPlan()
      return
    }
    const detection = deps.detection()
    const here = plans.filter((p) => p.on.includes(detection.touchpoint) || p.on.includes(detection.stage))
    const granted = consent.granted()
    // With debug, every page view says where it is and what (if anything) may ask here, and why not.
    if (config.debug)
      log({
        code: 'page',
        detection,
        endpoint: !!config.endpoint,
        consent: granted ? null : consent.reason(),
        surveys: here.map((plan) => {
          const { eligible, reason } = granted ? decide(plan) : { eligible: false, reason: consent.reason() }
          return { id: plan.id, trigger: plan.trigger, eligible, reason }
        }),
      })
    if (granted) armed = armTriggers(deps.win, here, fire, elapsed, armMore)
    // Once a survey this visitor may see is armed on this page, fetch and compile the survey UI
    // while the page is idle: when its trigger fires, the card paints without a round trip or a
    // compile, and the first such survey's card is rendered unseen so that its show() only
    // reveals it. Pages where none can show (or before consent) never fetch it. A failure is not
    // reported here: show() loads the chunk again and reports it then.
    if (granted && here.length)
      whenIdle(deps.win, () => {
        // Only for the arming it belongs to: a navigation or a consent change (both re-arm) meanwhile wins.
        if (current != arms) return
        const plan = here.find((plan) => decide(plan).eligible)
        if (plan) deps.prepare(plan.kind, plan.id)
      })
  }

  consent.onChange(arm)
  arm()

  return {
    restart: () => arm(0, true),
    track: (name) => hear('track', name),
    dataLayerEvent: (name) => hear('event', name),
    outcome(survey, what) {
      const state = load()
      const now = Date.now()
      if (what == 'show') state[STATE.shown][survey] = now
      else if (what == 'answer') state[STATE.answered][survey] = state[STATE.lastAnswer] = now
      else state[STATE.lastDismiss] = now
      save(state)
    },
  }
}
