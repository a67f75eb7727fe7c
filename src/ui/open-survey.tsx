import type { SurveyRequest, UiHandle, UiHost } from '../shared/contract.js'
import { buildCard, fits, removeCard, type Card } from './card.js'
import { whenIdleSteps } from './idle-steps.js'

// The card prepared ahead for the survey a trigger on this page may open (prepare()), if any,
// and the request being prepared: an open() in between makes that preparation moot.
let prepared: Card | undefined
let wanted: SurveyRequest | undefined

/**
 * Shows one survey in its own shadow root: floating bottom-right/left, or inside `request.mount`.
 * A card prepared for this very request is only revealed: no render, style or layout of its own.
 * @example const { close } = open({ survey: 'nps', kind: 'nps', locale: 'en', position: 'bottom-right', mount: null, auto: true }, host)
 */
export function open(request: SurveyRequest, host: UiHost): UiHandle {
  const ready = prepared && fits(prepared, request) ? prepared : undefined
  if (prepared && !ready) removeCard(prepared) // another survey, or the page changed: render anew
  prepared = wanted = undefined
  const card = ready || buildCard(request, host, false)
  const { el, box, state, link } = card
  const before = document.activeElement as HTMLElement | null
  let timer: ReturnType<typeof setTimeout> | undefined
  let open = true

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
  // A prepared card is asked while still inert, its style computed at idle: asked after the reveal,
  // the browser would recompute the whole card's style on the spot, in this task. Its own
  // `visibility: hidden` (while inert) is not what is asked: an ancestor's `display: none` is, and
  // no ancestor's `visibility` reaches it (`all: initial` on the host).
  const dialog = box.firstElementChild as HTMLElement
  let visible = true
  try {
    visible = !dialog.checkVisibility || dialog.checkVisibility(ready ? {} : { checkVisibilityCSS: true })
  } catch {
    // a page's own checkVisibility broke: show it as before
  }
  // A prepared card names its survey and leaves `inert` (and with it its invisibility) only now.
  el.setAttribute('data-touchpoint-survey', request.kind)
  el.removeAttribute('inert')
  const focus = () => {
    if (open) box.querySelector('input')?.focus({ preventScroll: true })
  }
  // A prepared card has its style and layout: focus costs little now, and keyboard and
  // screen-reader users land on the first option in the task that reveals it. A new card takes
  // focus in its first frame instead: focus() would make the browser compute the new card's style
  // and layout on the spot, inside this task; in the frame callback they are the work the frame
  // does anyway. Either way they land on it before they see the card.
  if (visible && !request.auto) {
    if (ready) focus()
    else requestAnimationFrame(focus)
  }
  return { close, visible }
}

/**
 * Renders the card for `request` ahead of its show(), at idle, invisible and inert (card.tsx), so
 * that open() with the same request only reveals it. One card at a time: a newer request replaces
 * it. Only a floating card: one inside the page's `mount` would take its place in the page.
 * @example prepare({ survey: 'emotion', kind: 'emotion', locale: 'en', position: 'bottom-right', mount: null, auto: true }, { warn })
 */
export function prepare(request: SurveyRequest, host: Pick<UiHost, 'warn'>): void {
  if (request.mount) return
  let card: Card | undefined
  wanted = request
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
