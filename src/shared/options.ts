import type { Stage, Touchpoint } from './types.js'

/**
 * Everything a store can configure. Each option is also a `data-*` attribute on the script tag
 * (camelCase → kebab-case: `batchSize` → `data-batch-size`); `data-config` takes the whole object
 * as JSON, and single attributes win over it.
 *
 * @example
 * init({ endpoint: 'https://collect.example/r', locale: 'vi', accent: '#0a7d5a' })
 */
export interface Options {
  /** Where batches are POSTed. Required; http(s), relative URLs resolve against the page. */
  endpoint: string
  /** Force the touchpoint or stage of this page (`product`, `confirmation`, `decision`, BigCommerce `orderconfirmation` …). */
  stage?: string
  /** Override the touchpoint → stage mapping, e.g. `{ cart: 'consideration' }` or `"cart:consideration"`. */
  stageMap?: Partial<Record<Touchpoint, Stage>> | string
  /** Language of the survey (`en`, `vi`, `vi-VN` …). Default: `<html lang>`, then the browser's. */
  locale?: string
  /** Which survey shows where and when: compact syntax (string) or a JSON plan (array). */
  surveys?: string | unknown[]
  /** Corner of the floating card. */
  position?: 'bottom-right' | 'bottom-left'
  /** CSS selector of an element to render the survey inline into, instead of floating. */
  mount?: string
  /** Accent colour of buttons and the selected score (any CSS colour). */
  accent?: string
  /** Percentage of visitors (0–100) who may ever see a survey; stable per visitor. */
  sample?: number
  /** Send when this many answers wait (1–100). */
  batchSize?: number
  /** Send at most this long after an answer, in ms (0–600000). */
  flushMs?: number
  /** `required`: store, send and show nothing until consent is given (`consent(true)` or a consent tool's yes). `auto`: follow consent tools when present. */
  consent?: 'auto' | 'required'
  /** Honour the browser's Global Privacy Control signal (no survey, no storage, no request). */
  gpc?: boolean
  /** Honour Do Not Track as well. */
  dnt?: boolean
  /** CSP nonce for the style fallback and the chunk script tags. */
  nonce?: string
  /** Log every decision (why a survey did or did not show) to the console. */
  debug?: boolean
  /** After an answer, no other survey for this many days. */
  cooldownDays?: number
  /** After a dismiss, no survey for this many days. */
  dismissDays?: number
  /** Question wording per survey id or kind, e.g. `{ nps: 'Would you recommend us?' }` or `data-question-nps`. */
  questions?: Record<string, string>
}

/** Options after validation: every value present and of the right type. */
export interface Config {
  endpoint: string | null
  stage: string | null
  stageMap: Partial<Record<Touchpoint, Stage>>
  locale: string | null
  surveys: string | unknown[] | null
  position: 'bottom-right' | 'bottom-left'
  mount: string | null
  accent: string | null
  sample: number
  batchSize: number
  flushMs: number
  consent: 'auto' | 'required'
  gpc: boolean
  dnt: boolean
  nonce: string | null
  debug: boolean
  cooldownDays: number
  dismissDays: number
  questions: Record<string, string>
}

export const DEFAULTS: Config = {
  endpoint: null,
  stage: null,
  stageMap: {},
  locale: null,
  surveys: null,
  position: 'bottom-right',
  mount: null,
  accent: null,
  sample: 100,
  batchSize: 10,
  flushMs: 5000,
  consent: 'auto',
  gpc: true,
  dnt: false,
  nonce: null,
  debug: false,
  cooldownDays: 14,
  dismissDays: 3,
  questions: {},
}
