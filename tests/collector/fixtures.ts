import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_STAGE_MAP } from '../../src/detection/stage-map'
import type { Batch, SurveyResponse, Touchpoint } from '../../src/types'

const EMOTIONS = ['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted'] as const

/** One valid answer; anything can be overridden. */
export function answer(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  const kind = overrides.kind ?? 'csat'
  const score = overrides.score ?? 4
  const touchpoint = overrides.touchpoint ?? 'product'
  return {
    id: randomUUID(),
    survey: kind,
    kind,
    score,
    comment: null,
    emotion: kind === 'emotion' ? EMOTIONS[score - 1] : null,
    stage: DEFAULT_STAGE_MAP[touchpoint],
    touchpoint,
    url: 'https://shop.example/product/linen-shirt/',
    locale: 'en',
    at: '2026-11-20T10:00:00.000Z',
    ...overrides,
  }
}

/** Many answers of one kind at one touchpoint, one per score. */
export const answers = (touchpoint: Touchpoint, kind: SurveyResponse['kind'], scores: number[], extra: Partial<SurveyResponse> = {}) =>
  scores.map((score) => answer({ touchpoint, kind, score, ...extra }))

export const batch = (responses: unknown[]): Batch => ({ v: 1, sent_at: '2026-11-20T10:00:05.000Z', responses }) as Batch

/** A fresh folder for a database file, removed by the returned function. */
export function tempDir(): { dir: string; dbPath: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-test-'))
  return { dir, dbPath: join(dir, 'answers.db'), remove: () => rmSync(dir, { recursive: true, force: true }) }
}
