import type { Trigger } from '../shared/contract.js'

/**
 * A plan's trigger as debug lines name it, in the `data-surveys` way: `delay=3000`, `exit`,
 * `event=add_to_cart`. The loader's notes carry the trigger object, so the loader on every page
 * holds no code to word it.
 *
 * @example
 * describeTrigger({ dwell: 45000 }) // → 'dwell=45000'
 */
export function describeTrigger(trigger: Trigger): string {
  const [type, value] = Object.entries(trigger || {})[0] || ['?']
  return type + (value === true || value == null ? '' : '=' + value)
}
