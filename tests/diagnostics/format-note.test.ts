import { describe, expect, it } from 'vitest'
import { OLD_UI, type Note } from '../../src/shared/contract'
import { formatNote } from '../../src/diagnostics/format-note'
import { parseSurveys } from '../../src/surveys/parse-surveys'

const detection = { touchpoint: 'other', stage: 'awareness', signal: 'none' } as const

describe('formatNote: the diagnostics chunk words the loader codes', () => {
  it('words API misuse, with did-you-mean where a name is close', () => {
    const call = (call: Extract<Note, { code: 'bad-call' }>['call'], value: unknown) =>
      formatNote({ code: 'bad-call', call, value })
    expect(call('show', 'stars')).toBe(
      'touchpoint: show("stars"): the kind must be one of csat, nps, emotion, ces; nothing shown',
    )
    expect(call('on', 'answr')).toBe(
      'touchpoint: on("answr", …) needs one of show, answer, dismiss, sent, error, stage and a function; not listening; did you mean answer?',
    )
    expect(call('consent', 'false')).toBe('touchpoint: consent("false") needs true or false; nothing changed')
    expect(call('setStage', 'basket?')).toBe(
      'touchpoint: setStage("basket?"): not a touchpoint or stage name (product, cart, confirmation, decision …); detecting the stage from the page instead',
    )
    expect(call('command', 'shwo')).toBe('touchpoint: unknown command "shwo"; nothing done; did you mean show?')
  })

  it('words the clashes a script tag can meet on the page', () => {
    expect(formatNote({ code: 'two-tags', endpoint: 'https://a.example/r', other: 'https://b.example/r' })).toBe(
      'touchpoint: two tags, data-endpoint https://a.example/r and https://b.example/r: the second is ignored; remove one',
    )
    expect(formatNote({ code: 'global-taken' })).toBe(
      'touchpoint: window.touchpoint is already defined by another script; left it alone. Use window.touchpointSurvey',
    )
  })

  it('words a bad survey plan part and suggests the touchpoint or kind meant', () => {
    const warnings: string[] = []
    parseSurveys('produt:emotion@exit; cart:smiley@exit; cart:csat@exit/sample=150; just words', (note) =>
      warnings.push(formatNote(note)),
    )
    expect(warnings).toEqual([
      'touchpoint: data-surveys part "produt:emotion@exit": unknown touchpoint "produt"; did you mean product?; skipped',
      'touchpoint: data-surveys part "cart:smiley@exit": unknown survey kind "smiley"; skipped',
      'touchpoint: data-surveys part "cart:csat@exit/sample=150": sample must be 0–100, got "150"; skipped',
      'touchpoint: data-surveys part "just words": expected where:kind[@trigger][/option…]; skipped',
    ])
  })

  it('says on every page what was detected and why no survey is due', () => {
    const page = (extra: Partial<Extract<Note, { code: 'page' }>>) =>
      formatNote({ code: 'page', detection, endpoint: true, consent: null, surveys: [], ...extra })
    expect(page({})).toBe(
      'touchpoint: page is other (stage awareness, decided by no signal); no survey is due: the survey plan has none for other or awareness',
    )
    expect(page({ endpoint: false })).toMatch(/; no survey is due: data-endpoint is missing$/)
    expect(page({ consent: 'denied:tcf' })).toMatch(/; no survey is due: consent denied by tcf$/)
    expect(
      page({ surveys: [{ id: 'csat', trigger: { delay: 3000 }, eligible: false, reason: 'answered:2' }] }),
    ).toMatch(/; no survey is due: csat: answered a survey 2 days ago \(data-cooldown-days\)$/)
    expect(page({ surveys: [{ id: 'csat', trigger: { exit: true }, eligible: true, reason: 'eligible' }] })).toMatch(
      /; survey csat is due on exit$/,
    )
  })

  it('words decisions and failures for data-debug', () => {
    expect(
      formatNote({ code: 'decision', survey: 'csat', trigger: { delay: 3000 }, eligible: false, reason: 'shown:0' }),
    ).toBe('touchpoint: survey csat on delay=3000: not shown, this survey was shown 0 days ago (its recontact period)')
    expect(formatNote({ code: 'not-showing', survey: 'nps', reason: 'no-endpoint' })).toBe(
      'touchpoint: not showing nps: data-endpoint is missing',
    )
    expect(formatNote({ code: 'not-sending', offline: true })).toBe(
      'touchpoint: not sending: the browser is offline; what is due goes when it is back online',
    )
    expect(formatNote({ code: 'not-sending', offline: false })).toMatch(/^touchpoint: not sending: nothing is due/)
    expect(formatNote({ code: 'failed', what: 'ui', error: Error('offline') })).toBe(
      'touchpoint: the survey UI failed to load: Error: offline',
    )
  })

  it('says a UI chunk older than the loader (a mixed CDN cache) shows no survey until the cache serves the new one', () => {
    expect(formatNote({ code: 'failed', what: 'ui', error: OLD_UI })).toBe(
      'touchpoint: touchpoint-ui.js is older than this loader (a cache serves both): no survey shows until it serves the new one; nothing is lost',
    )
  })

  it("names the trigger an older surveys chunk cannot arm, and words an older loader's string triggers", () => {
    expect(formatNote({ code: 'failed', what: 'surveys', error: { scroll: 50 } })).toBe(
      'touchpoint: touchpoint-surveys.js is older than this loader: scroll=50 is not armed',
    )
    expect(formatNote({ code: 'failed', what: 'surveys', error: Error('touchpoint-surveys.js did not load') })).toBe(
      'touchpoint: surveys: Error: touchpoint-surveys.js did not load',
    )
    // An older loader (a CDN cache next to this chunk) sent the trigger as a string.
    const older = { code: 'showing', survey: 'csat', trigger: 'exit=true' } as unknown as Note
    expect(formatNote(older)).toBe('touchpoint: showing csat on exit')
    const decision = { code: 'decision', survey: 'csat', trigger: 'delay=3000', eligible: true, reason: 'ok' }
    expect(formatNote(decision as unknown as Note)).toBe('touchpoint: survey csat on delay=3000: eligible, showing it')
  })

  it('prints a code it does not know (a newer loader) compactly, and never throws on odd values', () => {
    expect(formatNote({ code: 'from-the-future', value: 1 } as unknown as Note)).toBe(
      'touchpoint: "from-the-future" {"code":"from-the-future","value":1}',
    )
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(formatNote({ code: 'bad-value', option: 'questions', source: 'init', value: cyclic })).toBe(
      'touchpoint: questions=[object Object] is not question texts of at most 300 characters; using the built-in questions',
    )
    expect(() => formatNote(null as unknown as Note)).not.toThrow()
  })
})
