import { describe, expect, it } from 'vitest'
import { describeTrigger } from '../../src/diagnostics/describe-trigger'
import type { Trigger } from '../../src/shared/contract'

describe('describeTrigger', () => {
  it('words each trigger of a debug note as data-surveys writes it', () => {
    const triggers: [Trigger, string][] = [
      [{ delay: 3000 }, 'delay=3000'],
      [{ dwell: 45000 }, 'dwell=45000'],
      [{ scroll: 50 }, 'scroll=50'],
      [{ exit: true }, 'exit'],
      [{ event: 'add_to_cart' }, 'event=add_to_cart'],
      [{ track: 'chat_closed' }, 'track=chat_closed'],
      [{ click: '.size-guide a' }, 'click=.size-guide a'],
    ]
    for (const [trigger, words] of triggers) expect(describeTrigger(trigger)).toBe(words)
  })

  it('prints a placeholder instead of throwing for a note without a trigger', () => {
    expect(describeTrigger(undefined as never)).toBe('?')
  })
})
