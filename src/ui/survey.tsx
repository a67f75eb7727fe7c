import { useState } from 'preact/hooks'
import type { SurveyRequest, UiHost } from '../shared/contract.js'
import { Scale } from './scale.js'
import { useStore, type SurveyState } from './state.js'
import { questionFor, scoreGroup, type Strings } from './strings.js'
import { maskPii } from '../shared/mask.js'

interface Props {
  request: SurveyRequest
  host: UiHost
  state: SurveyState
  rtl: boolean
  /** Theme variables (accent and the text colour on it), already resolved. */
  theme: Record<string, string>
  /** The wording: built in, or the store's (store-strings.ts). */
  t: Strings
  close(): void
}

/** The survey card: scale, optional follow-up, thank-you. Reports to `host`, never throws past it. */
export function Survey({ request, host, state, rtl, theme, t, close }: Props) {
  const phase = useStore(state.phase)
  const score = useStore(state.score)
  const [comment, setComment] = useState('')
  // Set in the task of Send, before the thank-you renders (a task later): a second Send, Escape or
  // × in between must not give the answer again (a copy without the comment would replace it).
  const [given] = useState<{ sent?: boolean }>({})
  const { kind } = request

  const pick = (n: number) => {
    state.score.set(n)
    state.phase.set('follow')
    host.choose(n)
  }
  const send = (e: Event) => {
    e.preventDefault()
    if (score == null || given.sent) return // Send, and only Send, leads to the thank-you
    given.sent = true
    // The answer is stored in this task (the loader writes it to the outbox at once: nothing is
    // lost if the page goes now); the thank-you's render and its focus move (open-survey.tsx) run
    // in a task of their own, before the next frame, so that this click is not one long task
    // (bench/long-tasks.mjs). Scheduled first: it comes even if the loader's step failed. Masked
    // here, where it was typed: the loader on every page then needs no masking code.
    setTimeout(() => state.phase.set('thanks'))
    host.answer(score, maskPii(comment.trim()) || null)
  }
  // Closing keeps a chosen score (the comment is optional); without one it is a dismissal.
  const finish = () => {
    if (given.sent) {
      // answered already: closing only closes
    } else if (score == null) host.dismiss()
    else host.answer(score, null)
    close()
  }

  const side = (request.position == 'bottom-left') != rtl ? ' at-left' : ''
  return (
    <div
      class={request.mount ? 'card' : 'card floating' + side}
      role="dialog"
      aria-labelledby="question"
      dir={rtl ? 'rtl' : undefined}
      lang={request.locale}
      style={theme}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key != 'Escape' || e.isComposing) return
        e.stopPropagation()
        finish()
      }}
    >
      <div role="status">
        {phase == 'thanks' && (
          <p class="thank-you" id="question">
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
            <div class="follow-up">
              <label for="comment">
                {t.followUp[scoreGroup(kind, score)]} <small>{t.optional}</small>
              </label>
              <div class="follow-up-row">
                <input
                  class="comment"
                  id="comment"
                  type="text"
                  maxLength={500}
                  autoComplete="off"
                  value={comment}
                  onInput={(e) => setComment(e.currentTarget.value)}
                />
                <button class="send" type="submit">
                  {t.send}
                </button>
              </div>
            </div>
          )}
        </form>
      )}
      <button class="close" type="button" aria-label={t.close} onClick={finish}>
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
