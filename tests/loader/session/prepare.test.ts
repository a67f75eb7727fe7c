// @vitest-environment happy-dom
// Targeting asks the survey session to prepare the armed survey's card at idle (rendered unseen,
// so that its show() only reveals it). Once a card showed, or a trigger began opening one, on
// this page view, nothing more is prepared: no second survey can show there.
import { describe, expect, it, vi } from 'vitest'
import { createSurveySession } from '../../../src/loader/session/survey-session'
import { createEmitter } from '../../../src/loader/core/emitter'
import { createConsent } from '../../../src/loader/privacy/consent'
import { CHUNK_API, type UiChunk } from '../../../src/shared/contract'
import { DEFAULTS } from '../../../src/shared/options'
import { presentWith } from '../../../src/ui/present'

function start() {
  const ui = {
    api: CHUNK_API,
    open: () => ({ close() {} }),
    present: presentWith(() => ({ close() {} })),
    prepare: vi.fn(),
  } satisfies UiChunk
  const session = createSurveySession({
    win: window,
    config: DEFAULTS,
    loadChunk: async () => ui,
    delivery: { record: () => {} },
    displays: { visitor: () => 'new', display: () => {} },
    consent: createConsent(window, DEFAULTS),
    detection: () => ({ stage: 'consideration', touchpoint: 'product', signal: 'url' }),
    locale: () => 'en',
    emit: createEmitter(() => {}).emit,
    log: vi.fn(),
    warn: vi.fn(),
    outcome: () => {},
  })
  return { session, prepared: ui.prepare }
}

describe("preparing the armed survey's card", () => {
  it('hands the UI the card a trigger would open, marked as opened by a trigger', async () => {
    const { session, prepared } = start()
    session.prepare('emotion', 'product-mood')
    await vi.waitFor(() => expect(prepared).toHaveBeenCalledOnce())
    expect(prepared.mock.calls[0][0]).toMatchObject({ kind: 'emotion', survey: 'product-mood', auto: true })
  })

  it('prepares nothing once a trigger began opening a card on this page view, and again on the next', async () => {
    const { session, prepared } = start()
    session.prepare('emotion', 'emotion') // at idle, while the UI chunk is on its way…
    const shown = session.show('csat', 'csat', true) // …a trigger fires
    expect(await shown).toBe(true)
    session.prepare('emotion', 'emotion')
    await new Promise((resolve) => setTimeout(resolve))
    // The UI hears only `prepare(null)`: nothing to prepare, and whatever it holds is taken away.
    const cards = () => prepared.mock.calls.map(([request]) => request).filter(Boolean)
    expect(prepared).toHaveBeenCalled()
    expect(cards()).toEqual([])
    session.newPageView() // an SPA navigation
    session.prepare('emotion', 'emotion')
    await vi.waitFor(() => expect(cards()).toHaveLength(1))
  })
})
