import { useState } from 'preact/hooks'
import type { SurveyRequest, UiHost } from '../shared/contract.js'
import { Scale } from './scale.js'
import { useStore, type SurveyState } from './state.js'
import { questionFor, scoreGroup, stringsFor } from './strings.js'
import { maskPii } from '../shared/mask.js'

interface Props {
  request: SurveyRequest
  host: UiHost
  state: SurveyState
  rtl: boolean
  /** Theme variables (accent and the text colour on it), already resolved. */
  theme: Record<string, string>
  close(): void
}

/** The survey card: scale, optional follow-up, thank-you. Reports to `host`, never throws past it. */
export function Survey({ request, host, state, rtl, theme, close }: Props) {
  const phase = useStore(state.phase)
  const score = useStore(state.score)
  const [comment, setComment] = useState('')
  const { kind } = request
  const t = stringsFor(request.locale)

  const pick = (n: number) => {
    state.score.set(n)
    state.phase.set('follow')
    host.choose(n)
  }
  const send = (e: Event) => {
    e.preventDefault()
    if (score == null || phase == 'thanks') return
    state.phase.set('thanks')
    // Masked here, where it was typed: the loader on every page then needs no masking code.
    host.answer(score, maskPii(comment.trim()) || null)
  }
  // Closing keeps a chosen score (the comment is optional); without one it is a dismissal.
  const finish = () => {
    if (phase == 'thanks') {
      // answered already: closing only closes
    } else if (score == null) host.dismiss()
    else host.answer(score, null)
    close()
  }

  const side = (request.position == 'bottom-left') != rtl ? ' l' : ''
  return (
    <div
      class={request.mount ? 'c' : 'c f' + side}
      role="dialog"
      aria-labelledby="q"
      dir={rtl ? 'rtl' : undefined}
      lang={request.locale}
      style={theme}
      tabIndex={-1}
      onKeyDown={(e) => e.key == 'Escape' && !e.isComposing && (e.stopPropagation(), finish())}
    >
      <div role="status">
        {phase == 'thanks' && (
          <p class="ty" id="q">
            {t.thanks}
          </p>
        )}
      </div>
      {phase != 'thanks' && (
        <form onSubmit={send}>
          <Scale
            kind={kind}
            question={questionFor(t, kind, request.touchpoint, request.question)}
            t={t}
            value={score}
            onPick={pick}
          />
          {score != null && (
            <div class="n">
              <label for="c">
                {t.followUp[scoreGroup(kind, score)]} <small>{t.optional}</small>
              </label>
              <div class="r">
                <input
                  class="t"
                  id="c"
                  type="text"
                  maxLength={500}
                  autoComplete="off"
                  value={comment}
                  onInput={(e) => setComment(e.currentTarget.value)}
                />
                <button class="s" type="submit">
                  {t.send}
                </button>
              </div>
            </div>
          )}
        </form>
      )}
      <button class="x" type="button" aria-label={t.close} onClick={finish}>
        <svg
          viewBox="0 0 24 24"
          width="18"
          height="18"
          aria-hidden="true"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
        >
          <path d="M6 6l12 12M18 6L6 18" />
        </svg>
      </button>
    </div>
  )
}
