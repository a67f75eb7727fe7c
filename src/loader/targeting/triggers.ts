import type { SurveysChunk, TriggerKit } from '../../shared/contract.js'
import { triggerOf, type SurveyPlan } from './plan.js'

/** Triggers armed for one page view. `hear` feeds the named triggers (track(), dataLayer events). */
export interface Armed {
  stop(): void
  hear(type: 'track' | 'event', name: string): void
}

/**
 * Arms each plan's trigger on this page; `fire(plan)` runs at most once per plan.
 * `elapsed` ms of the page view are already gone (a store's own plan arrives with its parser),
 * so a delay fires when it would have had the plan been there from the start.
 * The loader carries the triggers of the built-in plan: delay, dwell and exit. Those only a
 * store's own plan can name (scroll, click, event, track) are armed by `armMore`, the surveys
 * chunk's, which comes with that plan's parser.
 * Exit intent: on desktop the pointer leaving through the top of the window; on touch screens
 * (`pointer: coarse`) a fast upward scroll (≥ 1.5 px/ms) after scrolling at least one screen
 * down, which is how mobile shoppers reach the address bar and back button. Scroll work is
 * throttled to one check per 100 ms, with a passive listener.
 *
 * @example
 * const armed = armTriggers(window, plans, (plan) => open(plan)); armed.stop() // on SPA navigation
 */
export function armTriggers(
  win: Window,
  plans: SurveyPlan[],
  fire: (plan: SurveyPlan) => void,
  elapsed = 0,
  armMore?: SurveysChunk['arm'],
): Armed {
  const doc = win.document
  const stops: (() => void)[] = []
  const named: Parameters<TriggerKit['onNamed']>[0][] = []
  const listen = <E extends Event>(
    target: EventTarget,
    type: string,
    fn: (e: E) => void,
    options?: AddEventListenerOptions,
  ) => {
    const listener = fn as EventListener
    target.addEventListener(type, listener, options)
    stops.push(() => target.removeEventListener(type, listener, options))
  }
  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(fn, ms)
    stops.push(() => clearTimeout(timer))
  }
  const onScroll = (fn: () => void) => {
    let timer: ReturnType<typeof setTimeout> | 0 = 0
    listen(
      win,
      'scroll',
      () => {
        timer ||= setTimeout(() => {
          timer = 0
          fn()
        }, 100)
      },
      { passive: true },
    )
    stops.push(() => timer && clearTimeout(timer))
  }
  const kit: TriggerKit = { listen, onScroll, onNamed: (hear) => void named.push(hear) }

  for (const plan of plans) {
    const [type, value] = triggerOf(plan.trigger)
    let done = false
    const go = () => {
      if (done) return
      done = true
      fire(plan)
    }
    if (type == 'delay') later(go, (value as number) - elapsed)
    else if (type == 'dwell') {
      // Visible time only: a tab left in the background is not a shopper reading.
      let left = value as number
      let since = 0
      let timer: ReturnType<typeof setTimeout> | undefined
      const tick = () => {
        clearTimeout(timer)
        if (doc.hidden) {
          if (since) left -= Date.now() - since
          since = 0
        } else {
          since = Date.now()
          timer = setTimeout(go, left)
        }
      }
      tick()
      listen(doc, 'visibilitychange', tick)
      stops.push(() => clearTimeout(timer))
    } else if (type == 'exit') {
      listen(doc, 'mouseout', (e: MouseEvent) => !e.relatedTarget && e.clientY <= 0 && go())
      if (win.matchMedia && win.matchMedia('(pointer: coarse)').matches) {
        let max = 0
        let lastY = win.scrollY
        let lastAt = Date.now()
        onScroll(() => {
          const y = win.scrollY
          const now = Date.now()
          if (max > win.innerHeight && (lastY - y) / Math.max(now - lastAt, 1) >= 1.5) go()
          max = Math.max(max, y)
          lastY = y
          lastAt = now
        })
      }
    } else if (armMore) armMore(win, plan.trigger, go, kit)
  }
  const stop = () => {
    named.length = 0
    stops.splice(0).forEach((fn) => fn())
  }
  return { stop, hear: (type, name) => named.forEach((hear) => hear(type, name)) }
}
