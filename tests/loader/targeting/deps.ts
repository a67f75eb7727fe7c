// What targeting's tests start it with: the real consent and storage of this window, the real
// surveys chunk for a store's own plan (or the promise a test resolves when it says), and fakes
// that record what targeting logs, warns about, asks for and prepares.
import { vi } from 'vitest'
import type { Chunks, Note } from '../../../src/shared/contract'
import { DEFAULTS, type Config } from '../../../src/shared/options'
import type { Detection, SurveyKind } from '../../../src/shared/types'
import { surveys } from '../../../src/surveys'
import { createStorage } from '../../../src/loader/lib/storage'
import { createConsent } from '../../../src/loader/privacy/consent'
import type { TargetingDeps } from '../../../src/loader/targeting/targeting'

export const PRODUCT: Detection = { stage: 'consideration', touchpoint: 'product', signal: 'url' }

interface Options {
  config?: Partial<Config>
  /** The page's journey position when targeting reads it; a product page unless given. */
  detection?: () => Detection
  /** The surveys chunk as loadChunk gives it: the real one at once unless given. */
  surveysChunk?: Promise<Chunks['surveys']>
}

export function targetingDeps({ config = {}, detection = () => PRODUCT, surveysChunk }: Options = {}) {
  const full = { ...DEFAULTS, endpoint: 'https://c.example/r', ...config }
  const consent = createConsent(window, full)
  // Which chunks targeting asked for, in order.
  const asked: string[] = []
  return {
    win: window,
    config: full,
    log: vi.fn<(note: Note) => void>(),
    warn: vi.fn<(note: Note) => void>(),
    detection,
    loadChunk: <K extends 'surveys'>(name: K) => {
      asked.push(name)
      return (surveysChunk || Promise.resolve(surveys)) as Promise<Chunks[K]>
    },
    // The survey session's: renders the armed survey's card unseen.
    prepare: vi.fn<(kind: SurveyKind, survey: string) => void>(),
    consent,
    storage: createStorage(window, consent.granted, () => {}),
    // The survey session's answer; tests that need it count their own opens instead.
    shownThisPageView: () => false,
    asked,
  } satisfies TargetingDeps & { asked: string[] }
}
