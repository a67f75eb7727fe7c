import { render } from 'preact'
import { createSurveyState } from './state.js'
import { stringsFor } from './strings.js'
import { sharedSheet } from './styles.js'
import { Survey } from './survey.js'
import { whenIdleSteps } from './idle-steps.js'

// The first card a page shows costs several times what the next one costs: V8 compiles each
// function on its first call, the browser builds its DOM wrappers on first use, and the first
// style and layout of the card build the stylesheet's rule set for a shadow root and look up and
// load the card's font (bench/where.mjs). When the chunk arrives ahead of time (the loader
// prefetches it at idle where a survey may show), that first run happens here instead, a step per
// idle callback so that no step is a long task: the stylesheet parsed; a card rendered outside
// the document (code only); then the same card, invisible, in the document for one style pass
// and one layout; then removed. `visibility:hidden` keeps it from being painted, seen, hit or
// announced; it is fixed in a corner, so it moves nothing on the page. The card a trigger on the
// page may open is then prepared the same way and kept (prepare() in open-survey.tsx).

const noop = () => {}
const host = { choose: noop, answer: noop, dismiss: noop, closed: noop }

/** The default plan's emotion card, faces and follow-up line: every component and most of Preact run (a numeric scale differs only in its labels). */
function card() {
  const state = createSurveyState()
  state.score.set(4)
  state.phase.set('follow')
  const request = {
    survey: '',
    kind: 'emotion' as const,
    locale: 'en',
    position: 'bottom-right' as const,
    mount: null,
    auto: true,
  }
  return (
    <Survey
      request={request}
      host={host}
      state={state}
      rtl={false}
      theme={{ visibility: 'hidden' }}
      t={stringsFor('en')}
      close={noop}
    />
  )
}

let away: HTMLElement | undefined
let box: HTMLElement | undefined

const steps = [
  sharedSheet,
  // The card as open-survey.tsx builds it, rendered before it joins the document (code only), and
  // without the attribute that names a survey on the page.
  () => {
    away = document.createElement('div')
    away.setAttribute('data-floating', '')
    const root = away.attachShadow({ mode: 'open' })
    root.adoptedStyleSheets = [sharedSheet()]
    box = root.appendChild(document.createElement('div'))
    render(card(), box)
  },
  () => {
    ;(document.body || document.documentElement).appendChild(away!)
    return getComputedStyle(box!.firstElementChild!).color // style, now rather than in a frame of its own
  },
  () => box!.firstElementChild!.getBoundingClientRect(), // layout: the font is looked up and loaded
]

const removeAway = () => {
  if (box) render(null, box)
  if (away) away.remove()
  away = box = undefined
}

/** Runs one warm-up step per idle callback; the card in the document is taken out at the end or on a failure. */
export const warmUpWhenIdle = (): void => whenIdleSteps(steps, removeAway)
