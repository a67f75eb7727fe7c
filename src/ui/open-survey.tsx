import { render } from 'preact'
import type { SurveyRequest, UiHandle, UiHost } from '../shared/contract.js'
import { resolveColor, textOn } from './contrast.js'
import { followViewport } from './follow-viewport.js'
import { tolerateFrozenPrototypes } from './frozen-prototypes.js'
import { createSurveyState } from './state.js'
import { CSS } from './styles.js'
import { Survey } from './survey.js'

let sheet: CSSStyleSheet | undefined

// Constructable stylesheets need no nonce under a strict CSP; older browsers get a nonce'd <style>.
function style(root: ShadowRoot, nonce?: string) {
  try {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS)
    root.adoptedStyleSheets = [sheet]
    return
  } catch {
    sheet = undefined
  }
  const el = document.createElement('style')
  if (nonce) el.nonce = nonce
  el.textContent = CSS
  root.appendChild(el)
}

/**
 * Shows one survey in its own shadow root: floating bottom-right/left, or inside `request.mount`.
 * @example const { close } = open({ survey: 'nps', kind: 'nps', locale: 'en', position: 'bottom-right', mount: null, auto: true }, host)
 */
export function open(request: SurveyRequest, host: UiHost): UiHandle {
  tolerateFrozenPrototypes()
  const el = document.createElement('div')
  el.setAttribute('data-touchpoint-survey', request.kind)
  if (!request.mount) el.setAttribute('data-f', '')
  ;(request.mount || document.body || document.documentElement).appendChild(el)
  const root = el.attachShadow({ mode: 'open' })
  style(root, request.nonce)
  const box = root.appendChild(document.createElement('div'))

  const theme: Record<string, string> = {}
  // Resolved on the inner box: the host's :host{all:initial!important} would beat a colour set on it.
  const accent = request.accent && resolveColor(request.accent, box)
  if (accent) {
    theme['--a'] = `rgb(${accent})`
    theme['--o'] = textOn(accent)
  }
  const rtl = [document.dir, document.documentElement.dir].some((d) => d && d.toLowerCase() == 'rtl')
  const before = document.activeElement as HTMLElement | null
  const state = createSurveyState()
  const unfollow = request.mount ? () => {} : followViewport(root, el)
  let timer: ReturnType<typeof setTimeout> | undefined
  let open = true

  const close = () => {
    if (!open) return
    open = false
    clearTimeout(timer)
    stop()
    unfollow()
    // Give focus back only when it is still ours to give (the shopper did not move on).
    const hadFocus = document.activeElement == el
    render(null, box)
    el.remove()
    host.closed()
    if (hadFocus && !request.auto) before?.focus?.()
  }
  const stop = state.phase.listen((phase) => {
    if (phase != 'thanks') return
    if (document.activeElement == el) (box.firstElementChild as HTMLElement | null)?.focus()
    timer = setTimeout(close, 2000)
  })

  render(<Survey request={request} host={host} state={state} rtl={rtl} theme={theme} close={close} />, box)
  // Our own element cannot be hidden (styles.ts), but the mount element or its ancestors can.
  // Browsers without checkVisibility (before Chrome 105, Safari 17.4) take the card as visible.
  const card = box.firstElementChild as HTMLElement
  let visible = true
  try {
    visible = !card.checkVisibility || card.checkVisibility({ checkVisibilityCSS: true })
  } catch {
    // a page's own checkVisibility broke: show it as before
  }
  if (visible && !request.auto) box.querySelector('input')?.focus({ preventScroll: true })
  return { close, visible }
}
