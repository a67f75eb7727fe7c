import { formatNote } from '../../../src/diagnostics/format-note'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../../src/loader/config/parse-options'
import { DEFAULTS, type Config } from '../../../src/shared/options'

// Property tests of the data-attribute parser: whatever a store pastes on the tag, it never
// throws, every option comes out with its documented type, each bad attribute gets a warning
// that names it, and good values are taken as they are.

const KEYS = Object.keys(DEFAULTS) as (keyof Config)[]
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())
/** dataset keys: the real ones, question-* ones, and whatever else (incl. prototype names). */
const datasetKey = fc.oneof(
  fc.constantFrom(
    ...KEYS,
    'config',
    'questionNps',
    'questionThankYou',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ),
  fc.string(),
)
const anyValue = fc.oneof(
  fc.string(),
  fc.json(),
  fc.constantFrom('', 'true', '0', '-1', 'NaN', '1e400', ' 5 ', '<script>alert(1)</script>', 'null', '[]', '{}'),
)
const dataset = fc.dictionary(datasetKey, anyValue, { maxKeys: 12 })

/** The type each option must have after parsing. */
const TYPES: Record<keyof Config, (v: unknown) => boolean> = {
  endpoint: (v) => v === null || (typeof v == 'string' && /^https?:/.test(v)),
  stage: (v) => v === null || typeof v == 'string',
  stageMap: (v) => !!v && typeof v == 'object' && Object.values(v).every((s) => typeof s == 'string'),
  locale: (v) => v === null || typeof v == 'string',
  surveys: (v) => v === null || typeof v == 'string' || Array.isArray(v),
  position: (v) => v == 'bottom-right' || v == 'bottom-left',
  mount: (v) => v === null || typeof v == 'string',
  accent: (v) => v === null || typeof v == 'string',
  sample: (v) => typeof v == 'number' && v >= 0 && v <= 100,
  batchSize: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100,
  flushMs: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 600000,
  consent: (v) => v == 'auto' || v == 'required',
  gpc: (v) => typeof v == 'boolean',
  dnt: (v) => typeof v == 'boolean',
  nonce: (v) => v === null || typeof v == 'string',
  debug: (v) => typeof v == 'boolean',
  cooldownDays: (v) => typeof v == 'number' && v >= 0 && v <= 3650,
  dismissDays: (v) => typeof v == 'number' && v >= 0 && v <= 3650,
  questions: (v) =>
    !!v && typeof v == 'object' && Object.values(v).every((q) => typeof q == 'string' && q.length <= 300),
}

const parse = (input: Record<string, unknown>) => {
  const warnings: string[] = []
  const config = parseOptions(input, true, (note) => warnings.push(formatNote(note)))
  return { config, warnings }
}

describe('parseOptions on data attributes (property tests)', () => {
  it('never throws and gives every option its documented type, whatever the attributes hold', () => {
    fc.assert(
      fc.property(dataset, (input) => {
        const { config, warnings } = parse(input)
        for (const key of KEYS) expect(TYPES[key](config[key]), `${key} = ${JSON.stringify(config[key])}`).toBe(true)
        for (const warning of warnings) expect(warning).toMatch(/^touchpoint: .*\bdata-/s) // each names the attribute (or the data-config key) it is about
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on any JSON in data-config, with or without other attributes', () => {
    fc.assert(
      fc.property(fc.json(), dataset, (config, rest) => {
        const { config: parsed } = parse({ ...rest, config })
        for (const key of KEYS) expect(TYPES[key](parsed[key]), key).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('warns once per bad value, naming the attribute and the value, and keeps the default', () => {
    const bad = fc.record({
      key: fc.constantFrom<keyof Config>(
        'sample',
        'batchSize',
        'flushMs',
        'position',
        'consent',
        'debug',
        'cooldownDays',
      ),
      value: fc.string(),
    })
    fc.assert(
      fc.property(bad, ({ key, value }) => {
        const { config, warnings } = parse({ endpoint: 'https://c.example/r', [key]: value })
        if (TYPES[key](config[key]) && config[key] !== DEFAULTS[key]) return // a good value, taken
        if (config[key] === DEFAULTS[key] && warnings.length == 0) return // the default itself, spelt somehow
        expect(warnings).toEqual([expect.stringContaining(`data-${kebab(key)}=${JSON.stringify(value)}`)])
        expect(config[key]).toEqual(DEFAULTS[key])
      }),
      { numRuns: 500 },
    )
  })

  it('takes good values as given', () => {
    const good = fc.record({
      sample: fc.integer({ min: 0, max: 100 }),
      batchSize: fc.integer({ min: 1, max: 100 }),
      flushMs: fc.integer({ min: 0, max: 600000 }),
      position: fc.constantFrom('bottom-right', 'bottom-left'),
      question: fc.string({ maxLength: 300 }),
    })
    fc.assert(
      fc.property(good, ({ question, ...numbers }) => {
        const input = Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, String(v)]))
        const { config, warnings } = parse({ endpoint: 'https://c.example/r', ...input, questionNps: question })
        expect(warnings).toEqual([])
        expect(config).toMatchObject({ ...numbers, questions: { nps: question } })
      }),
      { numRuns: 300 },
    )
  })
})
