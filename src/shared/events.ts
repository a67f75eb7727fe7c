import type { EventName } from './types.js'

/**
 * Every event `on()` accepts. Typed by EventMap: a misspelt name here does not compile; a new
 * event must be added here too. The diagnostics chunk lists them in its warning.
 */
export const EVENTS: EventName[] = ['show', 'answer', 'dismiss', 'sent', 'error', 'stage']
