import { render } from 'preact'
import type { SurveyRequest, UiHost } from '../shared/contract.js'
import { resolveColor, textOn } from './contrast.js'
import { followViewport } from './follow-viewport.js'
import { tolerateFrozenPrototypes } from './frozen-prototypes.js'
import { createSurveyState, type SurveyState } from './state.js'
import { surveyStrings } from './store-strings.js'
import { CSS, sharedSheet } from './styles.js'
import { Survey } from './survey.js'

// Constructable stylesheets need no nonce under a strict CSP; older browsers get a nonce'd <style>.
function style(root: ShadowRoot, nonce?: string) {
  try {
    root.adoptedStyleSheets = [sharedSheet()]
    return
  } catch {
    // no constructable stylesheets (Safari before 16.4): a <style> element instead
  }
  const el = document.createElement('style')
  if (nonce) el.nonce = nonce
  el.textContent = CSS
  root.appendChild(el)
}

/** A card in the document: its host element, the box Preact renders into, and where its steps go. */
export interface Card {
  el: HTMLElement
  box: HTMLElement
  request: SurveyRequest
  state: SurveyState
  rtl: boolean
  /** The loader's host and the handle's close: set by open(). A card prepared ahead reports nothing before. */
  link: { host?: UiHost; close(): void }
  /** Stops following the viewport (a no-op until the card is shown, or inside a mount). */
  unfollow(): void
}

const isRtl = () => [document.dir, document.documentElement.dir].some((d) => d && d.toLowerCase() == 'rtl')

/**
 * Renders the card for `request` into a new host element in the document. With `hidden`, the
 * host is `inert` (styles.ts keeps an inert card invisible and still): not seen, not focusable,
 * not in the tab order nor the accessibility tree; it names no survey yet and does not follow the
 * viewport (no listeners for a card whose trigger may never fire): reveal() does both.
 */
export function buildCard(request: SurveyRequest, warn: Pick<UiHost, 'warn'>, hidden: boolean): Card {
  tolerateFrozenPrototypes()
  const el = document.createElement('div')
  if (hidden) el.setAttribute('inert', '')
  else el.setAttribute('data-touchpoint-survey', request.kind)
  if (!request.mount) el.setAttribute('data-floating', '')
  ;(request.mount || document.body || document.documentElement).appendChild(el)
  const root = el.attachShadow({ mode: 'open' })
  style(root, request.nonce)
  const box = root.appendChild(document.createElement('div'))

  const theme: Record<string, string> = {}
  // Resolved on the inner box: the host's :host{all:initial!important} would beat a colour set on it.
  const accent = request.accent && resolveColor(request.accent, box)
  if (accent) {
    theme['--accent'] = `rgb(${accent})`
    theme['--on-accent'] = textOn(accent)
  }
  const rtl = isRtl()
  const link: Card['link'] = { close() {} }
  // Forwarded, so that a card rendered ahead reaches the loader that opens it, and nothing before.
  const host: UiHost = {
    choose: (score) => link.host?.choose(score),
    answer: (score, comment) => link.host?.answer(score, comment),
    dismiss: () => link.host?.dismiss(),
    closed() {},
  }
  const t = surveyStrings(request, warn)
  const state = createSurveyState()
  render(
    <Survey request={request} host={host} state={state} rtl={rtl} theme={theme} t={t} close={() => link.close()} />,
    box,
  )
  const card = { el, box, request, state, rtl, link, unfollow() {} }
  if (!hidden) follow(card)
  return card
}

const follow = (card: Card) => {
  if (!card.request.mount) card.unfollow = followViewport(card.el.shadowRoot!, card.el)
}

/**
 * Shows a card built `hidden`: it names its survey, leaves `inert` (and with it its invisibility)
 * and starts following the viewport. The browser restyles every element of the card for it: so
 * does every way of hiding that also keeps the card out of hit testing, focus and the
 * accessibility tree (a class setting `visibility` or `pointer-events`, both inherited; only
 * `opacity` alone restyles one element, and leaves the card focusable and announced).
 */
export function reveal(card: Card): void {
  card.el.setAttribute('data-touchpoint-survey', card.request.kind)
  card.el.removeAttribute('inert')
  follow(card)
}

/** Takes a card out of the document for good. */
export function removeCard(card: Card): void {
  card.unfollow()
  render(null, card.box)
  card.el.remove()
}

// What a card's look depends on: a prepared card serves a request only when all of it agrees.
const LOOKS = ['kind', 'locale', 'question', 'touchpoint', 'position', 'mount', 'accent', 'nonce', 'strings'] as const

/** Whether `card` shows what `request` asks for on this page as it is now. */
export const fits = (card: Card, request: SurveyRequest): boolean =>
  card.el.isConnected && card.rtl == isRtl() && LOOKS.every((key) => card.request[key] == request[key])
