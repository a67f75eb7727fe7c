import { render } from 'preact'
import { createSurveyState } from './state.js'
import { stringsFor } from './strings.js'
import { sharedSheet } from './styles.js'
import { Survey } from './survey.js'

// The first card a page shows costs several times what the next one costs: V8 compiles each
// function on its first call and the browser builds its DOM wrappers on first use, all inside
// the task that renders (bench/where.mjs: ~85% of the first show's scripting). When the chunk
// arrives ahead of time (the loader prefetches it at idle where a survey may show), that first
// run happens here instead, in two idle callbacks, the card rendered into an element outside the
// document, so no style, layout or paint is done and nothing shows. Safari has no
// requestIdleCallback: there the first card pays as before.

const noop = () => {}
const host = { choose: noop, answer: noop, dismiss: noop, closed: noop }

/**
 * Renders the default plan's emotion card, faces and follow-up line, outside the document, then
 * removes it: every component and most of Preact run once (a numeric scale differs only in its
 * labels).
 */
function renderAway() {
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
  const away = document.createElement('div')
  render(
    <Survey request={request} host={host} state={state} rtl={false} theme={{}} t={stringsFor('en')} close={noop} />,
    away,
  )
  render(null, away)
}

/** Parses the stylesheet in one idle callback and renders the card away in the next. */
export function warmUpWhenIdle(): void {
  if (!('requestIdleCallback' in window)) return
  // A failure ends the warm-up quietly: a hostile page broke something, and the real card reports its own problems.
  requestIdleCallback(() => {
    try {
      sharedSheet()
      requestIdleCallback(() => {
        try {
          renderAway()
        } catch {
          // see above
        }
      })
    } catch {
      // see above
    }
  })
}
