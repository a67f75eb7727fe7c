// @vitest-environment node
// The vocabulary is named once (src/shared/vocabulary.ts); everything that lists touchpoints,
// stages, kinds, score ranges, emotions, devices, visitors or display events must agree with it, so that adding a touchpoint touches
// the vocabulary and the detection rules and nothing by position elsewhere.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_STAGE_MAP,
  DEVICES,
  DISPLAY_EVENTS,
  EMOTIONS,
  KINDS,
  RANGE,
  STAGES,
  TOUCHPOINTS,
  VISITORS,
} from '../../src/shared/vocabulary'
import { BY_RANK, RANK, touchpointOf, type RankName } from '../../src/loader/detection/page-types'
import { resolveExplicit } from '../../src/loader/detection/resolve-explicit'
import { detectStage } from '../../src/loader/detection/detect-stage'
import { stringsFor } from '../../src/ui/strings'
import { WORDS } from '../../src/collector/report-i18n'

const schema = JSON.parse(readFileSync(join(__dirname, '../../schema/response.schema.json'), 'utf8'))
const response = schema.$defs.response
const sorted = (list: readonly unknown[]) => [...list].map(String).sort()
/** A property's definition, following a `$ref` into the schema's `$defs`. */
const resolved = (property: { $ref?: string; enum?: unknown[] }) =>
  property.$ref ? schema.$defs[property.$ref.replace('#/$defs/', '')] : property

describe('schema/response.schema.json agrees with the vocabulary', () => {
  it('names the same kinds, stages and touchpoints, in the same order', () => {
    for (const item of [response, schema.$defs.display]) {
      expect(resolved(item.properties.kind).enum).toEqual([...KINDS])
      expect(resolved(item.properties.stage).enum).toEqual([...STAGES])
      expect(resolved(item.properties.touchpoint).enum).toEqual([...TOUCHPOINTS])
    }
  })

  it('names the same devices, visitors and display events, in the same order', () => {
    expect(schema.$defs.display.properties.event.enum).toEqual([...DISPLAY_EVENTS])
    for (const item of [response, schema.$defs.display]) {
      expect(resolved(item.properties.device).enum).toEqual([...DEVICES])
      expect(resolved(item.properties.visitor).enum).toEqual([...VISITORS])
    }
  })

  it('names the same emotions, and null for the other kinds', () => {
    expect(response.properties.emotion.enum).toEqual([...EMOTIONS, null])
  })

  it('scores each kind on the vocabulary range, and only emotion surveys carry an emotion', () => {
    const ranges = Object.fromEntries(
      response.allOf.map((branch: { if: { properties: { kind: { const: string } } }; then: { properties: any } }) => [
        branch.if.properties.kind.const,
        branch.then.properties,
      ]),
    )
    expect(sorted(Object.keys(ranges))).toEqual(sorted(KINDS))
    for (const kind of KINDS) {
      expect([ranges[kind].score.minimum, ranges[kind].score.maximum], kind).toEqual(RANGE[kind])
      if (kind == 'emotion') expect(ranges[kind].emotion.enum).toEqual([...EMOTIONS])
      else expect(ranges[kind].emotion.const).toBeNull()
    }
  })
})

describe('tables keyed by the vocabulary cover exactly its members', () => {
  it('gives every touchpoint a default stage that is a stage', () => {
    expect(sorted(Object.keys(DEFAULT_STAGE_MAP))).toEqual(sorted(TOUCHPOINTS))
    for (const stage of Object.values(DEFAULT_STAGE_MAP)) expect(STAGES).toContain(stage)
  })

  it('ranks every touchpoint, and `page`, once, and RANK names each by its place in BY_RANK', () => {
    expect(sorted(BY_RANK)).toEqual(sorted([...TOUCHPOINTS, 'page']))
    // Typed by RankName: a touchpoint the test does not list fails to compile.
    const ranks: Record<RankName, number> = {
      confirmation: RANK.confirmation,
      checkout: RANK.checkout,
      cart: RANK.cart,
      account: RANK.account,
      search: RANK.search,
      product: RANK.product,
      listing: RANK.listing,
      support: RANK.support,
      content: RANK.content,
      page: RANK.page,
      home: RANK.home,
      other: RANK.other,
    }
    BY_RANK.forEach((name, rank) => expect(ranks[name], name).toBe(rank))
    expect(touchpointOf(RANK.page)).toBe('content')
  })

  it('detects every touchpoint and every stage when the store names it', () => {
    for (const touchpoint of TOUCHPOINTS) {
      expect(resolveExplicit(touchpoint)).toEqual({ touchpoint })
      expect(detectStage(undefined, { stage: touchpoint })).toEqual({
        touchpoint,
        stage: DEFAULT_STAGE_MAP[touchpoint],
        signal: 'explicit',
      })
    }
    for (const stage of STAGES) {
      const explicit = resolveExplicit(stage)
      expect(explicit && explicit.stage).toBe(stage)
      expect(TOUCHPOINTS).toContain(explicit && explicit.touchpoint)
    }
  })

  it('words every kind and every face in each UI language', () => {
    for (const locale of ['en', 'vi']) {
      const strings = stringsFor(locale)
      expect(sorted(Object.keys(strings.question)), locale).toEqual(sorted(KINDS))
      expect(sorted(Object.keys(strings.ends)), locale).toEqual(sorted(KINDS.filter((kind) => kind != 'emotion')))
      expect(strings.faces, locale).toHaveLength(EMOTIONS.length)
      for (const touchpoint of Object.keys(strings.questionAt)) expect(TOUCHPOINTS).toContain(touchpoint)
    }
  })

  it('words every touchpoint, stage, kind, emotion, device and visitor in each report language', () => {
    for (const [language, words] of Object.entries(WORDS)) {
      expect(sorted(Object.keys(words.touchpoints)), language).toEqual(sorted(TOUCHPOINTS))
      expect(sorted(Object.keys(words.stages)), language).toEqual(sorted(STAGES))
      expect(sorted(Object.keys(words.kinds)), language).toEqual(sorted(KINDS))
      expect(sorted(Object.keys(words.emotions)), language).toEqual(sorted(EMOTIONS))
      for (const value of [...DEVICES, ...VISITORS])
        expect(words.segmentValues[value], `${language} ${value}`).toBeTruthy()
    }
  })
})
