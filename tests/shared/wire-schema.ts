// Every payload a test sees goes through the wire format's own JSON Schema.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { expect } from 'vitest'
import type { Batch, SurveyResponse } from '../../src/shared/types'

const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
const validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, '../../schema/response.schema.json'), 'utf8')))

/** Parses a body (string or object), asserts it matches schema/response.schema.json, and returns it. */
export function expectWireBatch(body: unknown): Batch {
  const batch = typeof body == 'string' ? JSON.parse(body) : body
  expect(validate(batch) ? [] : validate.errors).toEqual([])
  return batch as Batch
}

let n = 0
/** A valid answer with a fresh uuid v4. */
export const response = (overrides: Partial<SurveyResponse> = {}): SurveyResponse => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  survey: 'csat',
  kind: 'csat',
  score: 4,
  comment: null,
  emotion: null,
  stage: 'purchase',
  touchpoint: 'confirmation',
  url: 'https://shop.example/thank-you/',
  locale: 'en',
  at: '2026-11-23T09:59:58.000Z',
  ...overrides,
})
