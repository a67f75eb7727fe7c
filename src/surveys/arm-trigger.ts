import type { Trigger, TriggerKit } from '../shared/contract.js'

/**
 * Arms a trigger that only a store's own plan can name (the built-in plan uses delay, dwell and
 * exit, which the loader carries): `scroll` (percent of the page seen), `click` (inside an element
 * matching a selector), `event` (a dataLayer event) and `track` (`touchpoint('track', name)`).
 * It arrives with the parser, so stores on the built-in plan never download it. Listeners go
 * through `kit`, which removes them when the page view's triggers stop.
 *
 * @example
 * armTrigger(window, { scroll: 50 }, () => open(plan), kit)
 */
export function armTrigger(win: Window, trigger: Trigger, go: () => void, kit: TriggerKit): void {
  const [type, value] = Object.entries(trigger)[0] as [string, number & string]
  if (type == 'scroll')
    kit.onScroll(() => {
      const page = win.document.documentElement
      if (((win.scrollY + win.innerHeight) / Math.max(page.scrollHeight, 1)) * 100 >= value) go()
    })
  else if (type == 'click')
    kit.listen(
      win.document,
      'click',
      (event) => {
        try {
          if ((event.target as Element).closest(value)) go()
        } catch {
          /* the target was not an element, or the selector went bad */
        }
      },
      { capture: true },
    )
  else kit.onNamed((heard, name) => heard == type && name == value && go())
}
