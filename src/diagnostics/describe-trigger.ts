import type { Trigger } from '../shared/contract.js'

/**
 * A plan's trigger as debug lines name it, in the `data-surveys` way: `delay=3000`, `exit`,
 * `event=add_to_cart`. The loader's notes carry the trigger object, so the loader on every page
 * holds no code to word it; an older loader (a CDN cache next to this chunk) sent the string form
 * (`delay=3000`, `exit=true`), which is printed as it is, `=true` left off.
 *
 * @example
 * describeTrigger({ dwell: 45000 }) // → 'dwell=45000'
 * describeTrigger('exit=true') // → 'exit'
 */
export function describeTrigger(trigger: Trigger | string): string {
  if (typeof trigger == 'string') return trigger.replace(/=true$/, '')
  const [type, value] = Object.entries(trigger || {})[0] || ['?']
  return type + (value === true || value == null ? '' : '=' + value)
}

/** Whether a `failed` note's `error` is a plan's trigger (an older surveys chunk could not arm it), not an error. */
export const isTrigger = (error: unknown): error is Trigger =>
  !!error && typeof error == 'object' && !(error instanceof Error)
