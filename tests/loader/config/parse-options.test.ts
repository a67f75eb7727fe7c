// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../../src/loader/config/parse-options'
import { DEFAULTS } from '../../../src/shared/options'
import type { Note } from '../../../src/shared/contract'
import { formatNote } from '../../../src/diagnostics/format-note'

// Notes are codes; the texts a store owner reads come from the diagnostics chunk, asserted here
// end to end so that a wrong code or a wrong word both fail.
const parse = (input: Record<string, unknown>, tag: boolean) => {
  const notes: Note[] = []
  const config = parseOptions(input, tag, (note) => notes.push(note))
  return { config, notes, warnings: notes.map(formatNote) }
}
const fromTag = (dataset: Record<string, string>) => parse(dataset, true)

describe('parseOptions', () => {
  it('reads every data attribute into typed options', () => {
    const { config, warnings } = fromTag({
      endpoint: 'https://collect.example/r',
      stage: 'cart',
      stageMap: 'cart:consideration, search:awareness',
      locale: 'vi-VN',
      surveys: 'confirmation:csat',
      position: 'bottom-left',
      mount: '#fb',
      accent: '#0a7d5a',
      sample: '25',
      batchSize: '5',
      flushMs: '2000',
      consent: 'required',
      gpc: 'ignore',
      dnt: 'honor',
      nonce: 'abc',
      debug: '',
      cooldownDays: '7',
      dismissDays: '1',
      questionNps: 'Would you recommend us?',
      questionThankYouCsat: 'How was checkout?',
    })
    expect(warnings).toEqual([])
    expect(config).toEqual({
      endpoint: 'https://collect.example/r',
      stage: 'cart',
      stageMap: { cart: 'consideration', search: 'awareness' },
      locale: 'vi-VN',
      surveys: 'confirmation:csat',
      position: 'bottom-left',
      mount: '#fb',
      accent: '#0a7d5a',
      sample: 25,
      batchSize: 5,
      flushMs: 2000,
      consent: 'required',
      gpc: false,
      dnt: true,
      nonce: 'abc',
      debug: true,
      cooldownDays: 7,
      dismissDays: 1,
      questions: { nps: 'Would you recommend us?', 'thank-you-csat': 'How was checkout?' },
    })
  })

  it('resolves a relative endpoint against the page and refuses other protocols', () => {
    expect(fromTag({ endpoint: '/collect' }).config.endpoint).toBe(new URL('/collect', location.href).href)
    const { config, warnings } = fromTag({ endpoint: 'javascript:alert(1)' })
    expect(config.endpoint).toBeNull()
    expect(warnings[0]).toBe(
      'touchpoint: data-endpoint="javascript:alert(1)" is not an http(s) URL; no survey shows until one is set',
    )
  })

  it('replaces each bad value by its default with one warning naming the attribute and the value used, in words', () => {
    const { config, warnings } = fromTag({
      endpoint: '/c',
      sample: '150',
      batchSize: '2.5',
      position: 'top',
      consent: 'maybe',
      stageMap: 'cart:nowhere',
      accent: ' ',
    })
    expect(config).toMatchObject({
      sample: 100,
      batchSize: 10,
      position: 'bottom-right',
      consent: 'auto',
      stageMap: {},
      accent: null,
    })
    expect(warnings).toEqual([
      'touchpoint: data-sample="150" is not a percentage from 0 to 100; using the default, 100 (every visitor)',
      'touchpoint: data-batch-size="2.5" is not a whole number from 1 to 100; using the default, 10',
      'touchpoint: data-position="top" is not "bottom-right" or "bottom-left"; using the default position, bottom-right',
      'touchpoint: data-consent="maybe" is not "auto" or "required"; using the default, auto (follow the consent tools on the page)',
      'touchpoint: data-stage-map="cart:nowhere" is not "touchpoint:stage" pairs separated by commas; using the default touchpoint-to-stage mapping',
      // happy-dom's CSS.supports takes any colour; Chromium's refusal of "blu" is in tests/e2e/diagnostics.test.ts.
      'touchpoint: data-accent=" " is not a CSS colour; using the default accent',
    ])
    expect(warnings.join('\n')).not.toMatch(/using (null|\{\}|"|\d)/)
  })

  it('warns about data-stage and data-locale like the others, and lets detection and the page language carry on', () => {
    const { config, warnings } = fromTag({ endpoint: '/c', stage: 'basket?', locale: 'fr' })
    expect(config).toMatchObject({ stage: null, locale: null })
    expect(warnings).toEqual([
      'touchpoint: data-stage="basket?" is not a touchpoint or stage name (product, cart, confirmation, decision …); detecting the stage from the page instead',
      'touchpoint: data-locale="fr" is not a language with built-in wording (en, vi, or a tag such as vi-VN); using the page\'s language (<html lang>, then the browser\'s; English otherwise)',
    ])
    // Platform page-type names and regional variants of built-in languages stay valid.
    expect(fromTag({ endpoint: '/c', stage: 'orderconfirmation', locale: 'en-GB' }).warnings).toEqual([])
  })

  it('names a misspelt attribute once, with the closest known one', () => {
    const { config, notes, warnings } = fromTag({
      endpoint: '/c',
      postion: 'bottom-left',
      acent: '#000',
      batchsize: '3',
      questinNps: 'Q?',
    })
    expect(config.position).toBe('bottom-right')
    expect(notes.map((n) => n.code)).toEqual(['unknown-option', 'unknown-option', 'unknown-option', 'unknown-option'])
    expect(warnings).toEqual([
      'touchpoint: unknown attribute data-postion ignored; did you mean data-position?',
      'touchpoint: unknown attribute data-acent ignored; did you mean data-accent?',
      'touchpoint: unknown attribute data-batchsize ignored; did you mean data-batch-size?',
      'touchpoint: unknown attribute data-questin-nps ignored; did you mean data-question-nps?',
    ])
  })

  it("does not take another tool's attribute for a misspelling", () => {
    // Well-known page-speed and consent tools' attributes: no warning, so no diagnostics chunk either.
    expect(
      fromTag({
        endpoint: '/c',
        cfasync: 'false',
        cfSettings: 'x',
        noOptimize: '',
        cookieconsent: 'ignore',
        rocketSrc: '',
      }).notes,
    ).toEqual([])
    expect(fromTag({ endpoint: '/c', pluginVersion: '2' }).warnings).toEqual([
      'touchpoint: unknown attribute data-plugin-version ignored (fine if another tool on the page reads it)',
    ])
  })

  it('names misspelt init() options and data-config keys the way they were written', () => {
    expect(parse({ endpoint: '/c', postion: 'bottom-left', batch_size: 3 }, false).warnings).toEqual([
      'touchpoint: unknown option postion ignored; did you mean position?',
      'touchpoint: unknown option batch_size ignored; did you mean batchSize?',
    ])
    expect(fromTag({ endpoint: '/c', config: '{"acent":"#000","sample":"all"}' }).warnings).toEqual([
      "touchpoint: unknown option data-config's acent ignored; did you mean data-config's accent?",
      `touchpoint: data-config's sample="all" is not a percentage from 0 to 100; using the default, 100 (every visitor)`,
    ])
  })

  it('takes data-config JSON, with single attributes winning', () => {
    const { config } = fromTag({
      config: '{"endpoint":"https://a.example/r","batchSize":3,"questions":{"csat":"Q?"}}',
      batchSize: '4',
    })
    expect(config).toMatchObject({ endpoint: 'https://a.example/r', batchSize: 4, questions: { csat: 'Q?' } })
    expect(fromTag({ config: '{oops', endpoint: '/c' }).warnings).toEqual([
      'touchpoint: data-config is not a JSON object ("{oops"); ignored, using the other attributes',
    ])
    // Valid JSON that is not an object used to throw inside the loader.
    expect(fromTag({ config: 'null', endpoint: '/c' }).notes).toEqual([{ code: 'bad-json', value: 'null' }])
  })

  it('names init() options by their own names and requires an endpoint', () => {
    const { config, warnings } = parse({ batchSize: 'many' }, false)
    expect(config).toEqual(DEFAULTS)
    expect(warnings).toEqual([
      'touchpoint: batchSize="many" is not a whole number from 1 to 100; using the default, 10',
      'touchpoint: endpoint is required; no survey shows until it is set',
    ])
  })

  it('takes an empty data-surveys (and surveys: "" or []) as a plan with no automatic surveys, without a warning', () => {
    const tag = fromTag({ endpoint: 'https://c.example/r', surveys: '' })
    expect(tag.config.surveys).toBe('')
    expect(tag.warnings).toEqual([])
    expect(parse({ endpoint: 'https://c.example/r', surveys: '  ' }, false)).toMatchObject({
      config: { surveys: '' },
      warnings: [],
    })
    expect(parse({ endpoint: 'https://c.example/r', surveys: [] }, false)).toMatchObject({
      config: { surveys: [] },
      warnings: [],
    })
  })
})
