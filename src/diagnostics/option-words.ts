import type { OptionSource } from '../shared/contract.js'
import { DEFAULTS, type Config } from '../shared/options.js'
import { closestName } from './closest-name.js'

/**
 * For each option: what a good value looks like, and what happens instead of a bad one, in
 * words ("using the default accent", never "using null"). Typed by Config: a new option without words does
 * not compile.
 */
export const OPTION_WORDS: Record<keyof Config, [expected: string, instead: string]> = {
  endpoint: ['an http(s) URL', 'no survey shows until one is set'],
  stage: [
    'a touchpoint or stage name (product, cart, confirmation, decision …)',
    'detecting the stage from the page instead',
  ],
  stageMap: ['"touchpoint:stage" pairs separated by commas', 'using the default touchpoint-to-stage mapping'],
  locale: [
    'a language with built-in wording (en, vi, or a tag such as vi-VN)',
    "using the page's language (<html lang>, then the browser's; English otherwise)",
  ],
  surveys: ['a survey plan', 'using the built-in survey plan'],
  position: ['"bottom-right" or "bottom-left"', `using the default position, ${DEFAULTS.position}`],
  mount: ['a CSS selector', 'using a floating card'],
  accent: ['a CSS colour', 'using the default accent'],
  sample: ['a percentage from 0 to 100', `using the default, ${DEFAULTS.sample} (every visitor)`],
  batchSize: ['a whole number from 1 to 100', `using the default, ${DEFAULTS.batchSize}`],
  flushMs: ['a whole number of milliseconds from 0 to 600000', `using the default, ${DEFAULTS.flushMs} ms`],
  consent: ['"auto" or "required"', `using the default, ${DEFAULTS.consent} (follow the consent tools on the page)`],
  gpc: ['"honor" or "ignore"', 'using the default: Global Privacy Control is honoured'],
  dnt: ['"honor" or "ignore"', 'using the default: Do Not Track is not consulted'],
  nonce: ['a CSP nonce', 'using no nonce'],
  debug: ['"true" or "false"', 'debug stays off'],
  cooldownDays: ['a number of days from 0 to 3650', `using the default, ${DEFAULTS.cooldownDays} days`],
  dismissDays: ['a number of days from 0 to 3650', `using the default, ${DEFAULTS.dismissDays} days`],
  questions: ['question texts of at most 300 characters', 'using the built-in questions'],
}

export const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())

/** An option's name as the store wrote it: `data-batch-size`, `batchSize` (init()), `data-config's batchSize`. */
export function optionName(option: string, source: OptionSource): string {
  if (source == 'init') return option
  if (source == 'config') return `data-config's ${option}`
  return option == 'questions' ? 'data-question-*' : 'data-' + kebab(option)
}

/**
 * The option name closest to a misspelt one, written the way the store wrote it
 * (`postion` from the tag → `data-position`), or `undefined` when none is close.
 */
export function suggestName(option: string, source: OptionSource): string | undefined {
  const known = Object.keys(DEFAULTS).filter((key) => key != 'questions')
  if (source != 'tag') return closestName(option, known.concat('questions'))
  // Compared without the shared `data-`, which would make every name look close.
  const written = kebab(option)
  const rest = written.split('-').slice(1).join('-')
  // data-questin-nps → data-question-nps
  const tagNames = known.map(kebab).concat('config', ...(rest ? ['question-' + rest] : []))
  const closest = closestName(written, tagNames)
  return closest && 'data-' + closest
}
