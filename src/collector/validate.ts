import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import type { ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import type { Emotion, SurveyResponse } from '../shared/types.js'
import { answerTimeProblem, DEFAULT_ANSWER_WINDOW, type AnswerWindow } from './answer-time.js'
import { cleanAnswer } from './clean-answer.js'
import { packageFile } from './package-file.js'

/** What the collector makes of a parsed request body. */
export interface BatchCheck {
  /** False when the batch itself is unusable (not an object, wrong `v`, no responses …): store nothing. */
  ok: boolean
  /** The answers that passed, in batch order; store these. */
  valid: SurveyResponse[]
  /** One readable line per problem, e.g. `responses[0].score must be <= 10`. */
  reasons: string[]
}

// The wire format's own schema file, read from the package root (found by its package.json,
// package-file.ts), so the collector can never drift from it wherever its code is bundled.
const SCHEMA_PATH = 'schema/response.schema.json'
const EMOTIONS: Emotion[] = ['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted']

let compiled: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined
// The answer fields the schema names: the only ones stored.
let answerFields: string[] = []

function validator() {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(packageFile(SCHEMA_PATH, import.meta.url), 'utf8'))
    answerFields = Object.keys(schema.$defs.response.properties)
    const ajv = new Ajv2020({ allErrors: true, strict: false })
    addFormats(ajv)
    compiled = ajv.compile(schema)
  }
  return compiled
}

export interface CheckOptions {
  /** The collector's clock, in ms since 1970. Default `Date.now()`. */
  now?: number
  /** How far `at` may lie from `now`. Default 90 days back, 24 hours ahead. */
  window?: AnswerWindow
}

/**
 * Checks a batch against schema/response.schema.json and sorts its answers into valid and
 * invalid, so that one bad answer does not cost the good ones next to it. Also rejects what the
 * schema alone cannot say: an `emotion` whose label does not match its score (1 = frustrated …
 * 5 = delighted) and an `at` outside the window around the collector's clock. The valid answers
 * come back as they are stored: schema fields only, the comment masked (clean-answer.ts).
 *
 * @example
 * checkBatch({ v: 1, sent_at: '2026-11-23T10:00:00Z', responses: [{ ...answer, score: 11, kind: 'nps' }] })
 * // → { ok: true, valid: [], reasons: ['responses[0].score must be <= 10'] }
 */
export function checkBatch(body: unknown, options: CheckOptions = {}): BatchCheck {
  const validate = validator()
  const passed = validate(body)
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if')
  const badIndexes = new Set<number>()
  const reasons: string[] = []
  let ok = true
  for (const e of errors) {
    const m = /^\/responses\/(\d+)(?:\/|$)/.exec(e.instancePath)
    if (m) badIndexes.add(Number(m[1]))
    else ok = false
    reasons.push(describe(e))
  }
  if (!ok) return { ok, valid: [], reasons: unique(reasons) }

  const responses = (body as { responses: SurveyResponse[] }).responses
  const now = options.now ?? Date.now()
  const valid: SurveyResponse[] = []
  responses.forEach((r, i) => {
    if (badIndexes.has(i)) return
    if (r.kind === 'emotion' && r.emotion !== EMOTIONS[r.score - 1]) {
      reasons.push(`responses[${i}].emotion must be "${EMOTIONS[r.score - 1]}" for score ${r.score}`)
      return
    }
    const timeProblem = answerTimeProblem(r.at, now, options.window ?? DEFAULT_ANSWER_WINDOW)
    if (timeProblem) {
      reasons.push(`responses[${i}].at ${timeProblem}`)
      return
    }
    valid.push(cleanAnswer(r, answerFields))
  })
  if (passed && reasons.length === 0) return { ok, valid, reasons: [] }
  return { ok, valid, reasons: unique(reasons) }
}

const unique = (list: string[]) => [...new Set(list)]

/** `/responses/0/score` → `responses[0].score`; the root is `body`. */
function pathOf(instancePath: string): string {
  if (!instancePath) return 'body'
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '')
}

function describe(e: ErrorObject): string {
  const at = pathOf(e.instancePath)
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return `${at === 'body' ? '' : at + '.'}${p.missingProperty} is required`
    case 'enum':
      return `${at} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `${at} must be ${JSON.stringify(p.allowedValue)}`
    case 'type':
      return `${at} must be ${[p.type].flat().join(' or ')}`
    case 'pattern':
      return at.endsWith('.id') ? `${at} must be a uuid v4` : `${at} ${e.message}`
    case 'format':
      return p.format === 'date-time' ? `${at} must be an ISO 8601 date-time` : `${at} must be a valid ${p.format}`
    default:
      return `${at} ${e.message}`
  }
}
