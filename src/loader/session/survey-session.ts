import type { Config } from '../../shared/options.js'
import {
  OLD_UI,
  type Note,
  type ShowHost,
  type ShownCard,
  type SurveyRequest,
  type UiChunk,
  type UiHandle,
} from '../../shared/contract.js'
import type { Detection, SurveyKind, SurveyResponse } from '../../shared/types.js'
import type { Emitter } from '../core/emitter.js'
import type { Delivery } from '../delivery/delivery.js'
import type { Consent } from '../privacy/consent.js'
import { KINDS } from '../../shared/vocabulary.js'

/** What a survey session uses; nothing else of the running widget. */
export interface SurveySessionDeps {
  win: Window
  config: Pick<Config, 'questions' | 'position' | 'mount' | 'accent' | 'nonce' | 'strings'>
  loadChunk(name: 'ui'): Promise<UiChunk>
  /** null without an endpoint: nothing is shown then, as no answer could be kept. */
  delivery: Pick<Delivery, 'record'> | null
  /** Where shown and dismissed displays are stored, and the visitor every answer carries; null with `delivery`. */
  displays: Pick<ShowHost, 'visitor' | 'display'> | null
  consent: Pick<Consent, 'granted' | 'reason'>
  detection(): Detection
  locale(): string
  emit: Emitter['emit']
  log(note: Note): void
  warn(note: Note): void
  /** Hears what became of a shown survey, for the frequency caps (targeting). */
  outcome(survey: string, what: 'show' | 'answer' | 'dismiss'): void
}

export interface SurveySession {
  /** Opens a survey; false when it may not (one is open, no consent …) or could not (UI chunk, hidden place). */
  show(kind: SurveyKind, survey?: string, auto?: boolean): Promise<boolean>
  /** Has the UI render a trigger's card ahead of time, invisible, so that its show() only reveals it. */
  prepare(kind: SurveyKind, survey: string): void
  /** Whether a survey showed on this page view, or a trigger began opening one: one per page view. */
  shownThisPageView(): boolean
  /** An SPA navigation: a new page view, where a trigger may ask again. A card on screen stays. */
  newPageView(): void
  /** Chosen scores not yet sent as answers: the page is being left, so they are the answers now. */
  drafts(): SurveyResponse[]
}

/**
 * The one owner of a survey on screen: the single slot ("one survey at a time"), the page view
 * it spent, and the draft (a chosen score, kept as an answer at once in case the page is left
 * before Send). The UI chunk only reports the shopper's steps (UiHost); delivery stores and
 * sends what this hands it; the collector keeps the first copy of an id (survey-answer.ts).
 *
 * @example
 * const session = createSurveySession({ win, config, loadChunk, delivery, consent, detection, locale, emit, log, warn, outcome })
 * await session.show('nps') // → true once the card is on screen
 */
export function createSurveySession(deps: SurveySessionDeps): SurveySession {
  const { win, config, delivery, consent, emit, log } = deps
  // The slot: the card on screen (or `opening` while its chunk loads), null when free.
  let open: UiHandle | null = null
  // The card that has its answer and only says thank you: an explicit show() may replace it.
  let finished: UiHandle | null = null
  let pageViewSpent = false
  const drafts: Record<string, SurveyResponse> = {}
  // Counts the card shown last as shown, if that has not happened yet (it runs once).
  let uncounted = () => {}
  const opening: UiHandle = { close() {} }

  // What the UI is asked to show: the same for a card prepared ahead and for the one shown, so
  // that the UI can tell whether its prepared card fits.
  const request = (kind: SurveyKind, survey: string, auto: boolean, detection = deps.detection()): SurveyRequest => ({
    survey,
    kind,
    locale: deps.locale(),
    touchpoint: detection.touchpoint,
    question: config.questions[survey] || config.questions[kind],
    position: config.position,
    mount: config.mount ? win.document.querySelector(config.mount) : null,
    accent: config.accent || undefined,
    nonce: config.nonce || undefined,
    strings: config.strings,
    auto,
  })

  async function show(kind: SurveyKind, survey: string = kind, auto = false): Promise<boolean> {
    if (KINDS.indexOf(kind) < 0) {
      deps.warn({ code: 'bad-call', call: 'show', value: kind })
      return false
    }
    // A trigger that fired spends the page view even if its card then cannot show.
    if (auto) pageViewSpent = true
    if (open && open == finished && !auto) open.close()
    const reason = !delivery ? 'no-endpoint' : !consent.granted() ? consent.reason() : open ? 'open' : ''
    if (reason) {
      log({ code: 'not-showing', survey, reason })
      return false
    }
    const detection = deps.detection()
    const asked = request(kind, survey, auto, detection)
    open = opening // claim the slot while the chunk loads
    let card: ShownCard | null
    try {
      const ui = await deps.loadChunk('ui')
      // The card's bookkeeping is in the UI chunk (present). An older UI next to this loader (a
      // CDN cache serving both) lacks it: nothing shows, as when the chunk did not load.
      if (!ui.present) throw OLD_UI
      // The UI hands over each step in the task the shopper took it: it is stored at once.
      card = ui.present(asked, {
        page: win,
        detection,
        visitor: deps.displays!.visitor,
        store(response, final) {
          if (final) delete drafts[response.id]
          else drafts[response.id] = response
          delivery!.record(response, final)
        },
        display: deps.displays!.display,
        tell(what, payload) {
          deps.outcome(survey, what)
          emit(what, payload)
          if (what != 'show') pageViewSpent = true
          if (what == 'answer') finished = open
        },
        emit,
        closed: () => void (open = null),
        warn: deps.warn,
      })
    } catch (error) {
      open = null
      emit('error', { code: 'chunk', message: String(error) })
      log({ code: 'failed', what: 'ui', error })
      return false
    }
    // null: the page hides the card; present() closed it, which freed the slot.
    if (!card) return false
    open = card
    pageViewSpent = true
    uncounted = card.count
    await card.counted
    return true
  }

  // Whether a card may be prepared in the UI for this page view: a new page view takes it away.
  let prepared = false
  // Failures are left to show(), which loads the chunk again and reports them; a throw while
  // preparing is caught too, never an unhandled rejection on the store's page.
  const toUi = (next: () => SurveyRequest | null) =>
    void deps
      .loadChunk('ui')
      .then((ui) => ui.present && ui.prepare && ui.prepare(next(), deps))
      .catch(() => {})

  return {
    show,
    // Nothing is prepared once a card showed (or began opening) on this page view.
    prepare(kind, survey) {
      prepared = true
      toUi(() => (delivery && !pageViewSpent ? request(kind, survey, true) : null))
    },
    shownThisPageView: () => pageViewSpent,
    newPageView() {
      pageViewSpent = false
      if (prepared) toUi(() => null)
      prepared = false
    },
    // The page is being left: a card shown and not yet counted is counted now, before the
    // delivery reads the displays. Own keys only: a page's enumerable Object.prototype additions
    // are not drafts.
    drafts() {
      uncounted()
      return Object.keys(drafts).map((id) => drafts[id])
    },
  }
}
