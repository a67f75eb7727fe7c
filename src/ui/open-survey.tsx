import type { SurveyRequest, UiHandle, UiHost } from '../shared/contract.js'
import { buildCard, fits, removeCard, reveal, type Card } from './card.js'
import { whenIdleSteps } from './idle-steps.js'

// The card prepared ahead for the survey a trigger on this page may open (prepare()), if any,
// and the request being prepared: an open() in between makes that preparation moot.
let prepared: Card | undefined
let wanted: SurveyRequest | undefined

// A card prepared for another survey goes once the shown card's first frame is painted, when the
// browser is next idle: Preact's unmount and the host's removal, done in the task that renders
// the shown card, came before that card's first frame. Until then it waits as it did, inert and
// unseen. Safari has no requestIdleCallback: there it goes in the task after that frame.
const removeAfterFrame = (card: Card) =>
  requestAnimationFrame(() =>
    setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback : setTimeout)(() => removeCard(card))),
  )

/**
 * Shows one survey in its own shadow root: floating bottom-right/left, or inside `request.mount`.
 * A card prepared for this very request is only revealed: no render, style or layout of its own.
 * @example const { close } = open({ survey: 'nps', kind: 'nps', locale: 'en', position: 'bottom-right', mount: null, auto: true }, host)
 */
export function open(request: SurveyRequest, host: UiHost): UiHandle {
  const ready = prepared && fits(prepared, request) ? prepared : undefined
  if (prepared && !ready) removeAfterFrame(prepared) // another survey, or the page changed: render anew
  prepared = wanted = undefined
  const card = ready || buildCard(request, host, false)
  const { el, box, state, link } = card
  const before = document.activeElement as HTMLElement | null
  let timer: ReturnType<typeof setTimeout> | undefined
  let open = true
  // Only while the card is up, and only when focus has not moved elsewhere meanwhile (the
  // shopper clicked into the page or into the card in that frame).
  const focus = () => {
    if (open && document.activeElement == before) box.querySelector('input')?.focus({ preventScroll: true })
  }

  const close = () => {
    if (!open) return
    open = false
    clearTimeout(timer)
    stop()
    // Give focus back only when it is still ours to give (the shopper did not move on).
    const hadFocus = document.activeElement == el
    removeCard(card)
    host.closed()
    if (hadFocus && !request.auto) before?.focus?.()
  }
  const stop = state.phase.listen((phase) => {
    if (phase != 'thanks') return
    if (document.activeElement == el) (box.firstElementChild as HTMLElement | null)?.focus()
    timer = setTimeout(close, 2000)
  })
  link.host = host
  link.close = close
  // Our own element cannot be hidden (styles.ts), but the mount element or its ancestors can.
  // Browsers without checkVisibility (before Chrome 105, Safari 17.4) take the card as visible.
  // A prepared card is asked before its reveal, while its style computed at idle is clean: asked
  // after it, the browser would restyle the card on the spot, in this task. Its own `visibility:
  // hidden` (while it waits) is not what is asked: an ancestor's `display: none` is, and no
  // ancestor's `visibility` reaches it (`all: initial` on the host).
  const dialog = box.firstElementChild as HTMLElement
  let visible = true
  try {
    visible = !dialog.checkVisibility || dialog.checkVisibility(ready ? {} : { checkVisibilityCSS: true })
  } catch {
    // a page's own checkVisibility broke: show it as before
  }
  if (ready) reveal(card)
  // Focus once the card's first frame is painted (a frame callback, then a task): focus() makes
  // the browser compute the card's style and layout on the spot, and an emotion card re-renders
  // its face label for the focused face; done in the task that shows the card, all of that came
  // before its first frame. Keyboard and screen-reader users land on the first option a frame
  // after the card appears.
  if (visible && !request.auto) requestAnimationFrame(() => setTimeout(focus))
  return { close, visible }
}

/**
 * Renders the card for `request` ahead of its show(), at idle, invisible (card.tsx), so that
 * open() with the same request only reveals it. One card at a time: a newer request replaces it,
 * and `null` (a new page view) takes it away. Only a floating card: one inside the page's `mount`
 * would take its place in the page.
 * @example prepare({ survey: 'emotion', kind: 'emotion', locale: 'en', position: 'bottom-right', mount: null, auto: true }, { warn })
 */
export function prepare(request: SurveyRequest | null, host: Pick<UiHost, 'warn'>): void {
  wanted = request || undefined
  if (!request) {
    if (prepared) removeCard(prepared)
    prepared = undefined
  }
  if (!request || request.mount) return
  let card: Card | undefined
  whenIdleSteps([
    () => {
      if (wanted != request) return false
      if (prepared) removeCard(prepared)
      prepared = card = buildCard(request, host, true)
    },
    // Its style, then its layout, each in an idle callback of its own rather than in a frame.
    () => card == prepared && getComputedStyle(card!.box.firstElementChild!).color,
    () => card == prepared && card!.box.firstElementChild!.getBoundingClientRect(),
  ])
}
