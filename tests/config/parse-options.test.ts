// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../src/config/parse-options'
import { DEFAULTS } from '../../src/config/options'

const fromTag = (dataset: Record<string, string>) => {
  const warnings: string[] = []
  return { config: parseOptions(dataset, true, (m) => warnings.push(m)), warnings }
}

describe('parseOptions', () => {
  it('reads every data attribute into typed options', () => {
    const { config, warnings } = fromTag({
      endpoint: 'https://collect.example/r', stage: 'cart', stageMap: 'cart:consideration, search:awareness', locale: 'vi-VN',
      surveys: 'confirmation:csat', position: 'bottom-left', mount: '#fb', accent: '#0a7d5a', sample: '25', batchSize: '5',
      flushMs: '2000', consent: 'required', gpc: 'ignore', dnt: 'honor', nonce: 'abc', debug: '', cooldownDays: '7', dismissDays: '1',
      questionNps: 'Would you recommend us?', questionThankYouCsat: 'How was checkout?',
    })
    expect(warnings).toEqual([])
    expect(config).toEqual({
      endpoint: 'https://collect.example/r', stage: 'cart', stageMap: { cart: 'consideration', search: 'awareness' }, locale: 'vi-VN',
      surveys: 'confirmation:csat', position: 'bottom-left', mount: '#fb', accent: '#0a7d5a', sample: 25, batchSize: 5, flushMs: 2000,
      consent: 'required', gpc: false, dnt: true, nonce: 'abc', debug: true, cooldownDays: 7, dismissDays: 1,
      questions: { nps: 'Would you recommend us?', 'thank-you-csat': 'How was checkout?' },
    })
  })

  it('resolves a relative endpoint against the page and refuses other protocols', () => {
    expect(fromTag({ endpoint: '/collect' }).config.endpoint).toBe(new URL('/collect', location.href).href)
    const { config, warnings } = fromTag({ endpoint: 'javascript:alert(1)' })
    expect(config.endpoint).toBeNull()
    expect(warnings[0]).toBe('touchpoint: data-endpoint="javascript:alert(1)" is not an http(s) URL; using null')
  })

  it('replaces each bad value by its default with one warning naming the attribute', () => {
    const { config, warnings } = fromTag({ endpoint: '/c', sample: '150', batchSize: '2.5', position: 'top', consent: 'maybe', stageMap: 'cart:nowhere' })
    expect(config).toMatchObject({ sample: 100, batchSize: 10, position: 'bottom-right', consent: 'auto', stageMap: {} })
    expect(warnings).toEqual([
      'touchpoint: data-stage-map="cart:nowhere" is not "touchpoint:stage" pairs separated by commas; using {}',
      'touchpoint: data-position="top" is not "bottom-right" or "bottom-left"; using "bottom-right"',
      'touchpoint: data-sample="150" is not a percentage from 0 to 100; using 100',
      'touchpoint: data-batch-size="2.5" is not a whole number from 1 to 100; using 10',
      'touchpoint: data-consent="maybe" is not "auto" or "required"; using "auto"',
    ])
  })

  it('takes data-config JSON, with single attributes winning', () => {
    const { config } = fromTag({ config: '{"endpoint":"https://a.example/r","batchSize":3,"questions":{"csat":"Q?"}}', batchSize: '4' })
    expect(config).toMatchObject({ endpoint: 'https://a.example/r', batchSize: 4, questions: { csat: 'Q?' } })
    expect(fromTag({ config: '{oops', endpoint: '/c' }).warnings).toEqual(['touchpoint: data-config is not a JSON object; ignored'])
  })

  it('names init() options by their own names and requires an endpoint', () => {
    const warnings: string[] = []
    const config = parseOptions({ batchSize: 'many' }, false, (m) => warnings.push(m))
    expect(config).toEqual(DEFAULTS)
    expect(warnings).toEqual([
      'touchpoint: batchSize="many" is not a whole number from 1 to 100; using 10',
      'touchpoint: endpoint is required; surveys stay off until it is set',
    ])
  })

  it('takes an empty data-surveys (and surveys: "" or []) as a plan with no automatic surveys, without a warning', () => {
    const tag = fromTag({ endpoint: 'https://c.example/r', surveys: '' })
    expect(tag.config.surveys).toBe('')
    expect(tag.warnings).toEqual([])
    const warnings: string[] = []
    expect(parseOptions({ endpoint: 'https://c.example/r', surveys: '  ' }, false, (m) => warnings.push(m)).surveys).toBe('')
    expect(parseOptions({ endpoint: 'https://c.example/r', surveys: [] }, false, (m) => warnings.push(m)).surveys).toEqual([])
    expect(warnings).toEqual([])
  })
})
