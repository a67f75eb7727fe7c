import type { ShowHost, ShownCard, SurveyRequest, UiChunk } from '../shared/contract.js'
import type { DisplayEvent, SurveyEvent } from '../shared/types.js'
import { startAnswer, type SurveyAnswer } from './survey-answer.js'
import { afterFirstFrame } from './after-first-frame.js'
import { deviceOf } from './device.js'
import { uuid } from './uuid.js'

/**
 * The bookkeeping of a shown card (`UiChunk.present`), around the chunk's `open`: the answer's id
 * and wire form, the drafts, the shown and dismissed displays, and counting the card as shown.
 * It left the loader because only a page view that shows a survey needs it, and no survey shows
 * without this chunk. Every step the shopper takes is handed to the loader in the same task
 * (`host.store`, `host.display`), which writes it to the outbox at once: an answer is as safe as
 * when the loader built it, the page may die right after.
 *
 * @example
 * const present = presentWith(open)
 * const card = present(request, host) // null when the page hides the card
 */
export const presentWith =
  (open: UiChunk['open']) =>
  (request: SurveyRequest, host: ShowHost): ShownCard | null => {
    const win = host.page
    // A display of the survey that `base` describes, timed now, stored by the loader at once.
    const display = (
      event: DisplayEvent,
      { survey, kind, stage, touchpoint, url, locale, device, visitor }: SurveyEvent,
    ) => {
      const id = uuid()
      host.display({
        id,
        event,
        survey,
        kind,
        stage,
        touchpoint,
        url,
        locale,
        at: new Date().toISOString(),
        device,
        visitor,
      })
      return id
    }
    // What counts a card as shown: its answer's id, the display, the frequency caps and the `show`
    // event. It waits for the card's first frame and idle time after it, so the shopper sees the
    // card before this runs; a step of the shopper's that comes first runs it first, so an answer
    // always names its display, and so does a page being left meanwhile (count()).
    let answer: SurveyAnswer | undefined
    const counted = () => {
      if (!answer) {
        answer = startAnswer(win, request.survey, request.kind, host.detection, request.locale)
        const { base } = answer
        base.device = deviceOf(win)
        base.visitor = host.visitor()
        // The answer to this card names the display that counted it as shown.
        base.display = display('shown', base)
        host.tell('show', base)
      }
      return answer
    }
    const handle = open(request, {
      choose(score) {
        host.store(counted().respond(score, null), false)
      },
      answer(score, comment) {
        const response = counted().respond(score, comment)
        host.store(response, true)
        host.tell('answer', response)
      },
      dismiss() {
        const { base } = counted()
        display('dismissed', base)
        host.tell('dismiss', base)
      },
      closed: host.closed,
      warn: host.warn,
    })
    if (handle.visible === false) {
      handle.close() // closed() frees the loader's slot
      const message = `touchpoint: ${request.survey} survey not visible (the page's CSS hides its place); not counted as shown`
      console.warn(message)
      host.emit('error', { code: 'hidden', message })
      return null
    }
    return {
      close: () => handle.close(),
      count: () => void counted(),
      counted: afterFirstFrame(win).then(() => void counted()),
    }
  }
