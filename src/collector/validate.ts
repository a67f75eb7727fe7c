import { readFileSync } from 'node:fs'
import type Ajv2020 from 'ajv/dist/2020.js'
import type { ErrorObject } from 'ajv'
import type addFormats from 'ajv-formats'
import type { SurveyDisplay, SurveyResponse } from '../shared/types.js'
import { EMOTIONS } from '../shared/vocabulary.js'
import { answerTimeProblem, DEFAULT_ANSWER_WINDOW, type AnswerWindow } from './answer-time.js'
import { cleanAnswer, cleanDisplay } from './clean-answer.js'
import { loadPeer } from './peer-dependencies.js'
import { packageFile } from './package-file.js'

/** What the collector makes of a parsed request body. */
export interface BatchCheck {
  /** False when the batch itself is unusable (not an object, wrong `v`, neither answers nor displays …): store nothing. */
  ok: boolean
  /** The answers that passed, in batch order; store these. */
  valid: SurveyResponse[]
  /** The displays that passed, in batch order; store these with the answers. */
  displays: SurveyDisplay[]
  /** One readable line per refused answer or display, e.g. `responses[0].score must be <= 10`. */
  reasons: string[]
  /**
   * One line per optional field (`display`, `device`, `visitor`) with a value the schema does
   * not allow: the field is dropped and its answer or display stored without it, so a bad
   * extra never costs an answer.
   */
  warnings: string[]
}

// The wire format's own schema file, read from the package root (found by its package.json,
// package-file.ts), so the collector can never drift from it wherever its code is bundled.
const SCHEMA_PATH = 'schema/response.schema.json'
// Optional additions that a bad value does not make the whole item wrong: dropped with a warning.
const DROPPABLE = ['display', 'device', 'visitor']
type List = 'responses' | 'displays'

let compiled: (((data: unknown) => boolean) & { errors?: ErrorObject[] | null }) | undefined
// The fields the schema names for each list: the only ones stored.
const fieldsOf: Record<List, string[]> = { responses: [], displays: [] }

/**
 * Compiles the wire format's schema now rather than on the first POST: compiling takes
 * 100–250 ms of the event loop, which the first shoppers' answers (and every request queued
 * behind them) would otherwise wait for. The collector calls it when it starts.
 */
export function validator() {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(packageFile(SCHEMA_PATH, import.meta.url), 'utf8'))
    fieldsOf.responses = Object.keys(schema.$defs.response.properties)
    fieldsOf.displays = Object.keys(schema.$defs.display.properties)
    // Optional peer dependencies, loaded on first use: importing the collector never fails on them.
    const Ajv = loadPeer<typeof Ajv2020>('ajv')
    const addSchemaFormats = loadPeer<typeof addFormats>('ajv-formats')
    const ajv = new Ajv({ allErrors: true, strict: false })
    addSchemaFormats(ajv)
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

/** What the schema said about one answer or display: refused, or fields to drop. */
interface Verdicts {
  bad: Record<List, Set<number>>
  drop: Record<List, Map<number, string[]>>
  /** Warnings per item, given only when the item is stored. */
  notes: Record<List, Map<number, string[]>>
}

/**
 * Checks a batch against schema/response.schema.json and sorts its answers and displays into
 * valid and invalid, so that one bad item does not cost the good ones next to it. Also rejects
 * what the schema alone cannot say: an `emotion` whose label does not match its score
 * (1 = frustrated … 5 = delighted) and an `at` outside the window around the collector's clock.
 * An optional `display`, `device` or `visitor` with a bad value is dropped with a warning; its
 * answer is kept. The valid items come back as they are stored: schema fields only, the url
 * without its query string, the comment masked (clean-answer.ts).
 *
 * @example
 * checkBatch({ v: 1, sent_at: '2026-11-23T10:00:00Z', responses: [{ ...answer, score: 11, kind: 'nps' }] })
 * // → { ok: true, valid: [], displays: [], reasons: ['responses[0].score must be <= 10'], warnings: [] }
 */
export function checkBatch(body: unknown, options: CheckOptions = {}): BatchCheck {
  const validate = validator()
  validate(body)
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if')
  const verdicts: Verdicts = {
    bad: { responses: new Set(), displays: new Set() },
    drop: { responses: new Map(), displays: new Map() },
    notes: { responses: new Map(), displays: new Map() },
  }
  const reasons: string[] = []
  let ok = true
  for (const e of errors) {
    // Neither an answer nor a display: the branches of the top-level anyOf say it one way each.
    if (e.schemaPath.startsWith('#/anyOf')) {
      ok = false
      if (e.keyword === 'anyOf') reasons.push('body must carry at least one response or display')
      continue
    }
    const m = /^\/(responses|displays)\/(\d+)(?:\/([^/]+))?/.exec(e.instancePath)
    if (!m) {
      ok = false
      reasons.push(describe(e))
      continue
    }
    const list = m[1] as List
    const index = Number(m[2])
    if (m[3] && DROPPABLE.includes(m[3]) && e.instancePath === `/${list}/${index}/${m[3]}`) {
      push(verdicts.drop[list], index, m[3])
      push(verdicts.notes[list], index, `${describe(e)}; dropped, the rest is stored`)
    } else {
      verdicts.bad[list].add(index)
      reasons.push(describe(e))
    }
  }
  if (!ok) return { ok, valid: [], displays: [], reasons: unique(reasons), warnings: [] }

  const context = {
    now: options.now ?? Date.now(),
    window: options.window ?? DEFAULT_ANSWER_WINDOW,
    reasons,
    warnings: [] as string[],
  }
  const batch = body as { responses: SurveyResponse[]; displays?: SurveyDisplay[] }
  const valid = sift(batch.responses, 'responses', verdicts, context, (answer, index) => {
    if (answer.kind === 'emotion' && answer.emotion !== EMOTIONS[answer.score - 1]) {
      return `responses[${index}].emotion must be "${EMOTIONS[answer.score - 1]}" for score ${answer.score}`
    }
    return null
  }).map((answer) => cleanAnswer(answer, fieldsOf.responses))
  const displays = sift(batch.displays ?? [], 'displays', verdicts, context, () => null).map((display) =>
    cleanDisplay(display, fieldsOf.displays),
  )
  return { ok, valid, displays, reasons: unique(reasons), warnings: unique(context.warnings) }
}

/** The items of one list that passed the schema and the checks it cannot express, their bad optional fields removed. */
function sift<T extends { at: string }>(
  items: T[],
  list: List,
  verdicts: Verdicts,
  context: { now: number; window: AnswerWindow; reasons: string[]; warnings: string[] },
  problemOf: (item: T, index: number) => string | null,
): T[] {
  const passed: T[] = []
  items.forEach((item, index) => {
    if (verdicts.bad[list].has(index)) return
    const problem = problemOf(item, index)
    if (problem) return void context.reasons.push(problem)
    const timeProblem = answerTimeProblem(item.at, context.now, context.window)
    if (timeProblem) return void context.reasons.push(`${list}[${index}].at ${timeProblem}`)
    const dropped = verdicts.drop[list].get(index)
    if (!dropped) return void passed.push(item)
    const kept: Record<string, unknown> = { ...item }
    for (const field of dropped) delete kept[field]
    context.warnings.push(...verdicts.notes[list].get(index)!)
    passed.push(kept as T)
  })
  return passed
}

const push = (map: Map<number, string[]>, index: number, value: string) =>
  map.set(index, [...(map.get(index) ?? []), value])

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
      return e.schemaPath.startsWith('#/$defs/uuid') ? `${at} must be a uuid v4` : `${at} ${e.message}`
    case 'format':
      return p.format === 'date-time' ? `${at} must be an ISO 8601 date-time` : `${at} must be a valid ${p.format}`
    default:
      return `${at} ${e.message}`
  }
}
